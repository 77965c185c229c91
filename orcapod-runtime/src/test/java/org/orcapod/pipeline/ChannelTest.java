package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ChannelTest {
  @Test
  void aFullChannelBlocksTheSenderUntilTheReceiverTakes() throws Exception {
    Channel<Integer> c = new Channel<>(2);
    assertThat(c.send(1)).isTrue();
    assertThat(c.send(2)).isTrue();
    AtomicBoolean thirdSent = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    Thread sender =
        new Thread(
            () -> {
              started.countDown();
              try {
                thirdSent.set(c.send(3));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    sender.start();
    started.await();
    sender.join(200);
    assertThat(sender.isAlive()).as("sender blocked by backpressure").isTrue();
    assertThat(c.size()).isEqualTo(2);
    assertThat(c.receive()).contains(1);
    sender.join(TimeUnit.SECONDS.toMillis(5));
    assertThat(thirdSent).isTrue();
    assertThat(c.receive()).contains(2);
    assertThat(c.receive()).contains(3);
  }

  @Test
  void closeDrainsThenEndsAndWakesWaiters() throws Exception {
    Channel<String> c = new Channel<>(4);
    c.send("a");
    c.close();
    assertThat(c.send("b")).isFalse();
    assertThat(c.receive()).contains("a");
    assertThat(c.receive()).isEmpty();
    Channel<String> empty = new Channel<>(1);
    Optional<?>[] got = new Optional<?>[1];
    Thread receiver =
        new Thread(
            () -> {
              try {
                got[0] = empty.receive();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    receiver.start();
    receiver.join(100);
    assertThat(receiver.isAlive()).isTrue();
    empty.close();
    receiver.join(5000);
    assertThat(got[0]).isEmpty();
  }

  @Test
  void broadcastGivesEveryConsumerItsOwnCopy() throws Exception {
    Channel<Integer> a = new Channel<>(3);
    Channel<Integer> b = new Channel<>(3);
    Channel<Integer> closed = new Channel<>(3);
    closed.close();
    assertThat(Channel.broadcast(List.of(a, b, closed), 7)).isEqualTo(2);
    assertThat(a.receive()).contains(7);
    assertThat(b.receive()).contains(7);
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> new Channel<>(0))
        .hasMessageContaining("[Orcapod/InvalidChannelCapacity]");
  }
}
