package org.orcapod.execution.capture;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.DefaultLoggingEvent;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.LoggingEventAware;

/**
 * Wraps a backend's logger: an enabled event from a thread inside a capture scope becomes one of
 * the scope's log lines, and every event goes on to the backend unchanged.
 *
 * <p>While the backend handles an event that was captured, stream capture is bypassed, so a console
 * backend's line reaches the terminal but not the packet's stderr as well. Events are forwarded
 * with {@link AbstractLogger} as the caller boundary, so backends that print the caller's class and
 * line still show the user's code, not this wrapper.
 */
final class CapturingLogger extends AbstractLogger implements LoggingEventAware {
  private static final long serialVersionUID = 1L;
  private static final String CALLER_BOUNDARY = AbstractLogger.class.getName();

  private final transient Logger delegate;

  CapturingLogger(Logger delegate) {
    this.delegate = delegate;
    this.name = delegate.getName();
  }

  Logger delegate() {
    return delegate;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return CALLER_BOUNDARY;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level,
      @Nullable Marker marker,
      String messagePattern,
      Object @Nullable [] arguments,
      @Nullable Throwable throwable) {
    ThreadCapture thread = ThreadCapture.current();
    @Nullable CaptureScope scope = thread.capturingScope();
    if (scope == null) {
      forward(level, marker, messagePattern, arguments, throwable);
      return;
    }
    scope.addLogLine(
        LogLines.format(
            level.name(),
            name,
            MessageFormatter.basicArrayFormat(messagePattern, arguments),
            throwable));
    thread.bypass++;
    try {
      forward(level, marker, messagePattern, arguments, throwable);
    } finally {
      thread.bypass--;
    }
  }

  /** The fluent API's path ({@code logger.atInfo()...log()}), which keeps key-value pairs. */
  @Override
  public void log(LoggingEvent event) {
    ThreadCapture thread = ThreadCapture.current();
    @Nullable CaptureScope scope = thread.capturingScope();
    if (scope != null) {
      scope.addLogLine(
          LogLines.format(event.getLevel().name(), name, messageOf(event), event.getThrowable()));
      thread.bypass++;
    }
    try {
      if (delegate instanceof LoggingEventAware) {
        ((LoggingEventAware) delegate).log(event);
      } else {
        List<Marker> markers = event.getMarkers();
        forward(
            event.getLevel(),
            markers == null || markers.isEmpty() ? null : markers.get(0),
            messageOf(event),
            null,
            event.getThrowable());
      }
    } finally {
      if (scope != null) {
        thread.bypass--;
      }
    }
  }

  private static String messageOf(LoggingEvent event) {
    String message =
        MessageFormatter.basicArrayFormat(event.getMessage(), event.getArgumentArray());
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs == null || pairs.isEmpty()) {
      return message;
    }
    StringBuilder text = new StringBuilder();
    for (KeyValuePair pair : pairs) {
      text.append(pair.key).append('=').append(pair.value).append(' ');
    }
    return text.append(message).toString();
  }

  private void forward(
      Level level,
      @Nullable Marker marker,
      String messagePattern,
      Object @Nullable [] arguments,
      @Nullable Throwable throwable) {
    if (delegate instanceof LocationAwareLogger) {
      ((LocationAwareLogger) delegate)
          .log(marker, CALLER_BOUNDARY, level.toInt(), messagePattern, arguments, throwable);
    } else if (delegate instanceof LoggingEventAware) {
      DefaultLoggingEvent event = new DefaultLoggingEvent(level, delegate);
      event.setMessage(messagePattern);
      if (arguments != null) {
        event.addArguments(arguments);
      }
      if (marker != null) {
        event.addMarker(marker);
      }
      event.setThrowable(throwable);
      event.setCallerBoundary(CALLER_BOUNDARY);
      event.setTimeStamp(System.currentTimeMillis());
      ((LoggingEventAware) delegate).log(event);
    } else {
      forwardThroughLoggerApi(level, marker, messagePattern, withThrowable(arguments, throwable));
    }
  }

  /** SLF4J treats a trailing throwable argument as the event's throwable. */
  private static Object[] withThrowable(
      Object @Nullable [] arguments, @Nullable Throwable throwable) {
    Object[] base = arguments == null ? new Object[0] : arguments;
    if (throwable == null) {
      return base;
    }
    Object[] all = java.util.Arrays.copyOf(base, base.length + 1);
    all[base.length] = throwable;
    return all;
  }

  private void forwardThroughLoggerApi(
      Level level, @Nullable Marker marker, String pattern, Object[] arguments) {
    switch (level) {
      case ERROR:
        if (marker == null) {
          delegate.error(pattern, arguments);
        } else {
          delegate.error(marker, pattern, arguments);
        }
        break;
      case WARN:
        if (marker == null) {
          delegate.warn(pattern, arguments);
        } else {
          delegate.warn(marker, pattern, arguments);
        }
        break;
      case INFO:
        if (marker == null) {
          delegate.info(pattern, arguments);
        } else {
          delegate.info(marker, pattern, arguments);
        }
        break;
      case DEBUG:
        if (marker == null) {
          delegate.debug(pattern, arguments);
        } else {
          delegate.debug(marker, pattern, arguments);
        }
        break;
      case TRACE:
      default:
        if (marker == null) {
          delegate.trace(pattern, arguments);
        } else {
          delegate.trace(marker, pattern, arguments);
        }
        break;
    }
  }

  @Override
  public boolean isTraceEnabled() {
    return delegate.isTraceEnabled();
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return delegate.isTraceEnabled(marker);
  }

  @Override
  public boolean isDebugEnabled() {
    return delegate.isDebugEnabled();
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return delegate.isDebugEnabled(marker);
  }

  @Override
  public boolean isInfoEnabled() {
    return delegate.isInfoEnabled();
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return delegate.isInfoEnabled(marker);
  }

  @Override
  public boolean isWarnEnabled() {
    return delegate.isWarnEnabled();
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return delegate.isWarnEnabled(marker);
  }

  @Override
  public boolean isErrorEnabled() {
    return delegate.isErrorEnabled();
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return delegate.isErrorEnabled(marker);
  }
}
