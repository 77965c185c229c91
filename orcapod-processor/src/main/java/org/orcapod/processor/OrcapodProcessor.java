package org.orcapod.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
 * <p>For each valid {@code @PacketFunction} it writes a typed pod class ({@link PodWriter}) when
 * the runtime is on the compile class path, through the {@code Filer} and only while no error has
 * been reported. For each valid {@code @Pipeline} type it likewise writes the pipeline's
 * implementation ({@link PipelineWriter}) when the runtime's typed pipeline classes are there.
 */
public final class OrcapodProcessor extends AbstractProcessor {
  private Reporter reporter;
  private Annotations annotations;
  private FunctionReader functions;
  private PipelineReader pipelines;
  private PodWriter pods;
  private PipelineWriter pipelineWriter;

  /** Qualified names of types whose processing waits for a later round. */
  private final Set<String> deferredFunctionOwners = new LinkedHashSet<>();

  private final Set<String> deferredPipelines = new LinkedHashSet<>();

  /** Qualified names of the files written so far; an owner read twice is written once. */
  private final Set<String> written = new HashSet<>();

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
    pods = new PodWriter(env.getTypeUtils());
    pipelineWriter = new PipelineWriter(env.getTypeUtils(), pods);
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
    List<FunctionModel> models = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (Annotations.find(method, Names.PACKET_FUNCTION).isPresent()
          && method.getKind() == ElementKind.METHOD) {
        FunctionModel model = functions.read(method, problems);
        if (model != null) {
          models.add(model);
        }
      }
    }
    reporter.report(problems);
    if (!problems.isEmpty() || reporter.errors() > 0 || !runtimeAvailable()) {
      return; // nothing is written once an error was reported
    }
    models.sort(Comparator.comparing(PodWriter::podName));
    for (FunctionModel model : models) {
      writeFile(pods.write(model), PodWriter.podName(model), model.method(), owner);
    }
  }

  /** Writes {@code file} once through the Filer; a failure is reported on {@code element}. */
  private void writeFile(JavaFile file, String name, Element element, TypeElement owner) {
    String qualified = file.packageName().isEmpty() ? name : file.packageName() + "." + name;
    if (!written.add(qualified)) {
      return;
    }
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      Problems failed = new Problems();
      failed.add(
          element,
          Messages.internalError(
              owner.getQualifiedName().toString(),
              new IllegalStateException("cannot write " + qualified + ": " + e.getMessage(), e)));
      reporter.report(failed);
    }
  }

  /**
   * Whether the runtime's packet-function classes are on the compile class path. Without them a
   * project uses the processor for validation only, and no pod is generated.
   */
  private boolean runtimeAvailable() {
    return processingEnv.getElementUtils().getTypeElement(PodWriter.RUNTIME_BASE) != null;
  }

  private void processPipeline(TypeElement type) {
    Problems problems = new Problems();
    PipelineReader.Result result = pipelines.read(type, problems);
    reporter.report(problems);
    if (result.graph() == null
        || result.validation() == null
        || reporter.errors() > 0
        || !runtimeAvailable()
        || processingEnv.getElementUtils().getTypeElement(PipelineWriter.RUNTIME_TYPED_NODE)
            == null) {
      return; // nothing is written once an error was reported
    }
    writeFile(pipelineWriter.write(type, result), PipelineWriter.className(type), type, type);
  }
}
