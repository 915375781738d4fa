package dev.poolguard.rules.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentTextTest {

  @Test
  void aSmallButRealShareNeverReadsAsZero() {
    assertThat(PoolLoad.percent(0.0004)).isEqualTo("0.04 %");
    assertThat(PoolLoad.percent(0.0012)).isEqualTo("0.1 %");
    assertThat(PoolLoad.percent(0.004)).isEqualTo("0.4 %");
    assertThat(PoolLoad.percent(1e-9)).isEqualTo("< 0.01 %");
    assertThat(PoolLoad.percent(0)).isEqualTo("0 %");
  }

  @Test
  void largerSharesKeepWholePercents() {
    assertThat(PoolLoad.percent(0.09)).isEqualTo("9 %");
    assertThat(PoolLoad.percent(0.8)).isEqualTo("80 %");
    assertThat(PoolLoad.percent(0.7000000000000001)).isEqualTo("70 %");
  }
}
