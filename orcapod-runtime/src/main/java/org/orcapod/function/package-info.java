/**
 * Packet functions and function pods: a {@link org.orcapod.function.PacketFunction} maps one input
 * packet to one output packet, and a {@link org.orcapod.function.FunctionPod} applies it to every
 * row of a stream, optionally memoised by input packet hash in a {@link
 * org.orcapod.function.ResultCache}.
 *
 * <p>Identities and stored result rows follow Python orcapod's {@code packet_function.py} and
 * {@code result_cache.py}, so equal names and schemas hash alike and a Python user can read what
 * Java wrote.
 */
@NullMarked
package org.orcapod.function;

import org.jspecify.annotations.NullMarked;
