package org.orcapod.execution.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.NOP_FallbackServiceProvider;
import org.slf4j.helpers.Reporter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J provider that wraps the application's real backend so that SLF4J events logged inside a
 * capture become the packet's log lines, while the backend still receives every event.
 *
 * <p>A library cannot choose the SLF4J backend, so this is opt-in: start the JVM with {@code
 * -Dslf4j.provider=org.orcapod.execution.capture.CapturingSlf4jProvider} (SLF4J 2.0.9+). The
 * provider then loads the backend's provider (logback, log4j, slf4j-simple…) from the class path as
 * SLF4J itself would; if several are present, name one with {@code
 * -Dorcapod.slf4j.delegate=<provider class>}. It is deliberately not registered as a service, so it
 * never competes with the backend uninvited.
 *
 * <p>Without it, SLF4J lines that the backend writes to {@code System.out}/{@code System.err} at
 * logging time are captured as stdout/stderr text instead.
 */
public final class CapturingSlf4jProvider implements SLF4JServiceProvider {

  /** The system property naming the backend provider class to wrap. */
  public static final String DELEGATE_PROPERTY = "orcapod.slf4j.delegate";

  private @Nullable SLF4JServiceProvider delegate;
  private volatile @Nullable CapturingLoggerFactory loggerFactory;

  /** The provider SLF4J instantiates; it finds the backend on first use. */
  public CapturingSlf4jProvider() {
    this.delegate = null;
  }

  /** A provider wrapping the given backend provider (which it initializes). */
  public CapturingSlf4jProvider(SLF4JServiceProvider delegate) {
    this.delegate = delegate;
  }

  @Override
  public void initialize() {
    SLF4JServiceProvider backend = backend();
    backend.initialize();
    loggerFactory = new CapturingLoggerFactory(backend.getLoggerFactory());
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    CapturingLoggerFactory factory = loggerFactory;
    if (factory == null) {
      throw new IllegalStateException(
          "CapturingSlf4jProvider.initialize() must be called before getLoggerFactory()");
    }
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return backend().getMarkerFactory();
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return backend().getMDCAdapter();
  }

  @Override
  public String getRequestedApiVersion() {
    return backend().getRequestedApiVersion();
  }

  /** The backend, found on first use: SLF4J asks for the MDC adapter before initializing. */
  private synchronized SLF4JServiceProvider backend() {
    SLF4JServiceProvider backend = delegate;
    if (backend == null) {
      backend = findBackend();
      delegate = backend;
    }
    return backend;
  }

  private static SLF4JServiceProvider findBackend() {
    ClassLoader loader = CapturingSlf4jProvider.class.getClassLoader();
    String named = System.getProperty(DELEGATE_PROPERTY);
    if (named != null && !named.isBlank()) {
      try {
        return (SLF4JServiceProvider)
            Class.forName(named.strip(), true, loader).getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalStateException(
            "[Orcapod/Slf4jDelegate] -D"
                + DELEGATE_PROPERTY
                + "="
                + named
                + " does not name a public SLF4JServiceProvider class with a no-argument"
                + " constructor on the class path",
            e);
      }
    }
    List<SLF4JServiceProvider> found = new ArrayList<>();
    var iterator = ServiceLoader.load(SLF4JServiceProvider.class, loader).iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        SLF4JServiceProvider candidate = iterator.next();
        if (!(candidate instanceof CapturingSlf4jProvider)) {
          found.add(candidate);
        }
      } catch (ServiceConfigurationError e) {
        Reporter.warn("orcapod: skipping a broken SLF4J provider: " + e.getMessage());
      }
    }
    if (found.isEmpty()) {
      Reporter.warn(
          "orcapod: CapturingSlf4jProvider found no SLF4J backend on the class path; SLF4J events"
              + " are captured but otherwise discarded");
      return new NOP_FallbackServiceProvider();
    }
    if (found.size() > 1) {
      Reporter.warn(
          "orcapod: CapturingSlf4jProvider found several SLF4J backends "
              + found.stream().map(p -> p.getClass().getName()).toList()
              + "; wrapping the first. Choose one with -D"
              + DELEGATE_PROPERTY
              + "=<class>");
    }
    return found.get(0);
  }
}
