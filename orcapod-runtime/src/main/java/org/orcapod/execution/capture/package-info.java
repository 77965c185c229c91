/**
 * Per-packet capture: runs a function while collecting what it writes to {@code System.out} and
 * {@code System.err}, what it logs through SLF4J and java.util.logging, and its stack trace on
 * failure, then hands those fields to a {@link org.orcapod.execution.PacketLogger}.
 *
 * <p>Routing is per thread, so packets running concurrently never see each other's output, and
 * everything still reaches the original streams; see {@link org.orcapod.execution.capture.Capture}.
 */
@NullMarked
package org.orcapod.execution.capture;

import org.jspecify.annotations.NullMarked;
