package org.orcapod.execution.capture;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** Hands out one {@link CapturingLogger} per name, each wrapping the backend's logger. */
final class CapturingLoggerFactory implements ILoggerFactory {
  private final ILoggerFactory delegate;
  private final ConcurrentMap<String, CapturingLogger> loggers = new ConcurrentHashMap<>();

  CapturingLoggerFactory(ILoggerFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, n -> new CapturingLogger(delegate.getLogger(n)));
  }
}
