package org.orcapod.datagram;

/**
 * One row of a stream: its tag and its packet.
 *
 * @param tag the tag half (tag columns and system tags)
 * @param packet the packet half (data columns and their source info)
 */
public record TagPacket(Tag tag, Packet packet) {}
