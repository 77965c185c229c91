package org.orcapod.processor;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import org.orcapod.graph.Messages;

/**
 * The orcapod annotation processor.
 *
 * <p>Each round it reads the {@code @PacketFunction} methods and {@code @Pipeline} types of that
 * round (and those deferred from earlier rounds), validates each element, builds the pipeline graph
 * and runs the shared graph validators. An element that refers to a type not generated yet is
 * deferred to the next round and reports nothing until then; whatever is still unresolved when
 * processing is over is left to the compiler's own "cannot find symbol" error. No exception
 * escapes: a bug becomes an {@code [Orcapod/InternalError]} on the element being processed.
 *
 * <p>Generating typed pods and pipeline implementations needs the runtime's interfaces and comes
 * with them; when it does, an element is written only if no error was reported for it.
 */
public final class OrcapodProcessor extends AbstractProcessor {
  private Reporter reporter;
  private Annotations annotations;
  private FunctionReader functions;
  private PipelineReader pipelines;

  /** Qualified names of types whose processing waits for a later round. */
  private final Set<String> deferredFunctionOwners = new LinkedHashSet<>();

  private final Set<String> deferredPipelines = new LinkedHashSet<>();

  /** Creates the processor; the compiler calls {@link #init} before use. */
  public OrcapodProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new Reporter(env.getMessager());
    annotations = new Annotations(env.getElementUtils());
    ColumnTypes columnTypes = new ColumnTypes();
    functions = new FunctionReader(annotations, columnTypes);
    pipelines =
        new PipelineReader(
            env.getElementUtils(), annotations, new RowTypeReader(columnTypes), functions);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Names.PACKET_FUNCTION, Names.PIPELINE);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> set, RoundEnvironment round) {
    Set<String> functionOwners = new LinkedHashSet<>(deferredFunctionOwners);
    Set<String> pipelineTypes = new LinkedHashSet<>(deferredPipelines);
    deferredFunctionOwners.clear();
    deferredPipelines.clear();
    collect(round, Names.PACKET_FUNCTION, functionOwners, true);
    collect(round, Names.PIPELINE, pipelineTypes, false);

    for (String owner : functionOwners) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(owner);
      if (type != null) {
        guarded(type, () -> processFunctions(type), deferredFunctionOwners, owner);
      }
    }
    for (String name : pipelineTypes) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        guarded(type, () -> processPipeline(type), deferredPipelines, name);
      }
    }
    if (round.processingOver()) {
      // Still unresolved: the compiler reports the missing types itself, with their positions.
      deferredFunctionOwners.clear();
      deferredPipelines.clear();
    }
    return false;
  }

  private void collect(RoundEnvironment round, String annotation, Set<String> into, boolean owner) {
    TypeElement a = processingEnv.getElementUtils().getTypeElement(annotation);
    if (a == null) {
      return;
    }
    for (Element e : round.getElementsAnnotatedWith(a)) {
      Element type = owner ? e.getEnclosingElement() : e;
      if (type instanceof TypeElement t) {
        into.add(t.getQualifiedName().toString());
      }
    }
  }

  /** Runs one element's step: defers it on a missing type, reports a bug instead of throwing. */
  private void guarded(TypeElement type, Runnable step, Set<String> deferred, String name) {
    try {
      step.run();
    } catch (TypeNotYetGenerated e) {
      deferred.add(name);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      Problems problems = new Problems();
      problems.add(type, Messages.internalError(type.getQualifiedName().toString(), e));
      reporter.report(problems);
    }
  }

  private void processFunctions(TypeElement owner) {
    Problems problems = new Problems();
    for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (Annotations.find(method, Names.PACKET_FUNCTION).isPresent()
          && method.getKind() == ElementKind.METHOD) {
        functions.read(method, problems);
      }
    }
    reporter.report(problems);
  }

  private void processPipeline(TypeElement type) {
    Problems problems = new Problems();
    pipelines.read(type, problems);
    reporter.report(problems);
  }
}
