package dev.poolguard.core.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.Value;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cases of Kubernetes' {@code third_party/forked/golang/expansion/expand_test.go}. */
class ExpansionTest {

  private static final Map<String, String> VARS =
      Map.of("VAR_A", "A", "VAR_B", "B", "VAR_C", "C", "VAR_REF", "$(VAR_A)", "VAR_EMPTY", "");

  private static Expansion.Result expand(String input) {
    return Expansion.expand(
        input,
        name ->
            Optional.ofNullable(VARS.get(name)).map(v -> new Expansion.Ref(v, Optional.empty())));
  }

  @ParameterizedTest(name = "{0}: [{1}] -> [{2}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "whole string | $(VAR_A) | A",
        "repeat | $(VAR_A)-$(VAR_A) | A-A",
        "beginning | $(VAR_A)-1 | A-1",
        "middle | ___$(VAR_B)___ | ___B___",
        "end | ___$(VAR_C) | ___C",
        "compound | $(VAR_A)_$(VAR_B)_$(VAR_C) | A_B_C",
        "escape & expand | $$(VAR_B)_$(VAR_A) | $(VAR_B)_A",
        "compound escape | $$(VAR_A)_$$(VAR_B) | $(VAR_A)_$(VAR_B)",
        "mixed in escapes | f000-$$VAR_A | f000-$VAR_A",
        "backslash escape ignored | foo\\$(VAR_C)bar | foo\\Cbar",
        "backslash escape ignored 2 | foo\\\\$(VAR_C)bar | foo\\\\Cbar",
        "lots of backslashes | foo\\\\\\\\$(VAR_A)bar | foo\\\\\\\\Abar",
        "nested var references | $(VAR_A$(VAR_B)) | $(VAR_A$(VAR_B))",
        "nested var references second type | $(VAR_A$(VAR_B) | $(VAR_A$(VAR_B)",
        "value is a reference | $(VAR_REF) | $(VAR_A)",
        "value is a reference x 2 | %%$(VAR_REF)--$(VAR_REF)%% | %%$(VAR_A)--$(VAR_A)%%",
        "empty var | foo$(VAR_EMPTY)bar | foobar",
        "unterminated expression | foo$(VAR_Awhoops! | foo$(VAR_Awhoops!",
        "expression without operator | f00__(VAR_A)__ | f00__(VAR_A)__",
        "shell special vars pass through | $?_boo_$! | $?_boo_$!",
        "bare operators are ignored | $VAR_A | $VAR_A",
        "undefined vars are passed through | $(VAR_DNE) | $(VAR_DNE)",
        "multiple (even) operators, var undefined | $$$$$$(BIG_MONEY) | $$$(BIG_MONEY)",
        "multiple (even) operators, var defined | $$$$$$(VAR_A) | $$$(VAR_A)",
        "multiple (odd) operators, var undefined | $$$$$$$(GOOD_ODDS) | $$$$(GOOD_ODDS)",
        "multiple (odd) operators, var defined | $$$$$$$(VAR_A) | $$$A",
        "missing open expression | $VAR_A) | $VAR_A)",
        "shell syntax ignored | ${VAR_A} | ${VAR_A}",
        "trailing incomplete expression not consumed | $(VAR_B)_______$(A | B_______$(A",
        "trailing incomplete expression, no content, is not consumed | $(VAR_C)_______$( | C_______$(",
        "operator at end of input string is preserved | $(VAR_A)foobarzab$ | Afoobarzab$",
        "shell escaped incomplete expr | foo-\\$(VAR_A | foo-\\$(VAR_A",
        "lots of $( in middle | --$($($($($-- | --$($($($($--",
        "lots of $( in beginning | $($($($($--foo$( | $($($($($--foo$(",
        "lots of $( at end | foo0--$($($($( | foo0--$($($($(",
        "escaped operators in variable names are not escaped | $(foo$$var) | $(foo$$var)",
        "non-ASCII after the operator | $é$(VAR_A) | $éA",
      })
  void expandsAsKubernetesDoes(String name, String input, String expected) {
    assertThat(expand(input).text()).as(name).isEqualTo(expected);
  }

  @Test
  void aNewlineIsNotExpanded() {
    assertThat(expand("\n").text()).isEqualTo("\n");
  }

  @Test
  void undefinedReferencesAreListed() {
    assertThat(expand("$(X)-$(VAR_A)-$(Y)-$$(Z)").undefined()).containsExactly("X", "Y");
  }

  @Test
  void aReferenceToAnUnknownValueMakesTheResultUnknownASecretWinning() {
    Value.Unknown pod = new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, "POD_IP");
    Value.Unknown secret = new Value.Unknown(Value.Unknown.Cause.SECRET, "DB_PASSWORD");
    Map<String, Expansion.Ref> vars =
        Map.of(
            "POD_IP",
            new Expansion.Ref("", Optional.of(pod)),
            "DB_PASSWORD",
            new Expansion.Ref("", Optional.of(secret)));

    Expansion.Result r =
        Expansion.expand(
            "$(POD_IP):$(DB_PASSWORD):$(POD_IP)", n -> Optional.ofNullable(vars.get(n)));

    assertThat(r.unknown()).contains(secret);
    assertThat(
            Expansion.expand("http://$(POD_IP)", n -> Optional.ofNullable(vars.get(n))).unknown())
        .contains(pod);
  }
}
