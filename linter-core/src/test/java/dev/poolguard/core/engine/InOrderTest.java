package dev.poolguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolguard.core.LintException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tasks on several threads give their results, and their first failure, in task order. */
class InOrderTest {

  private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

  @AfterEach
  void clear() {
    System.clearProperty(InOrder.THREADS_PROPERTY);
  }

  @Test
  void resultsComeInTaskOrder() {
    System.setProperty(InOrder.THREADS_PROPERTY, "4");
    assertThat(InOrder.map(ITEMS, 16, i -> i * 2))
        .isEqualTo(ITEMS.stream().map(i -> i * 2).toList());
  }

  @Test
  void theFirstFailureInTaskOrderSurfacesAsItWasThrown() {
    for (String threads : List.of("1", "4")) {
      System.setProperty(InOrder.THREADS_PROPERTY, threads);
      assertThatThrownBy(
              () ->
                  InOrder.map(
                      ITEMS,
                      16,
                      i -> {
                        if (i == 150) {
                          throw new IllegalStateException("later");
                        }
                        if (i == 37) {
                          sleep(); // the later failure happens first in time
                          throw new LintException("first in order");
                        }
                        return i;
                      }))
          .as("on %s threads", threads)
          .isExactlyInstanceOf(LintException.class)
          .hasMessage("first in order");
    }
  }

  @Test
  void errorsAreRethrownAsErrors() {
    System.setProperty(InOrder.THREADS_PROPERTY, "3");
    assertThatThrownBy(
            () ->
                InOrder.map(
                    ITEMS,
                    16,
                    i -> {
                      if (i == 5) {
                        throw new StackOverflowError("deep");
                      }
                      return i;
                    }))
        .isExactlyInstanceOf(StackOverflowError.class)
        .hasMessage("deep");
  }

  @Test
  void theSwitchAndTheDefault() {
    System.setProperty(InOrder.THREADS_PROPERTY, "1");
    assertThat(InOrder.threads()).isEqualTo(1);
    System.setProperty(InOrder.THREADS_PROPERTY, "0");
    assertThat(InOrder.threads()).isEqualTo(1);
    System.clearProperty(InOrder.THREADS_PROPERTY);
    assertThat(InOrder.threads())
        .isEqualTo(Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void fewItemsRunOnTheCallingThread() {
    System.setProperty(InOrder.THREADS_PROPERTY, "4");
    Thread caller = Thread.currentThread();
    assertThat(InOrder.map(List.of(1, 2, 3), 16, i -> Thread.currentThread() == caller))
        .containsOnly(true);
    assertThat(InOrder.map(ITEMS, 16, i -> Thread.currentThread() == caller)).containsOnly(false);
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
