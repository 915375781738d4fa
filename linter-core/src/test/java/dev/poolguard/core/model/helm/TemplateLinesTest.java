package dev.poolguard.core.model.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendered lines matched back to the template lines that wrote them (0-based here). */
class TemplateLinesTest {

  @Test
  void literalLinesExpansionsAndSkippedBlocks() {
    TemplateLines t =
        TemplateLines.of(
            String.join(
                "\n",
                "env:", // 0
                "  {{- toYaml .Values.env | nindent 2 }}", // 1
                "{{- if .Values.debug }}", // 2
                "debug: true", // 3
                "{{- end }}", // 4
                "ports:", // 5
                "  - {{ .Values.port }}")); // 6
    int[] lines = t.align(List.of("env:", "  - name: A", "    value: x", "ports:", "  - 8080"));
    assertThat(lines).containsExactly(0, 1, 1, 5, 6);
    assertThat(t.line(6).values()).containsExactly(List.of("port"));
    assertThat(t.line(2).kind()).isEqualTo(TemplateLines.Kind.CONTROL);
    assertThat(t.line(1).kind()).isEqualTo(TemplateLines.Kind.EXPANSION);
  }

  @Test
  void aRangeLoopMatchesItsBodyAgain() {
    TemplateLines t =
        TemplateLines.of(
            String.join(
                "\n",
                "env:", // 0
                "{{- range $k, $v := .Values.env }}", // 1
                "  - name: {{ $k }}", // 2
                "    value: {{ $v | quote }}", // 3
                "{{- end }}", // 4
                "replicas: {{ .Values.replicas }}")); // 5
    int[] lines =
        t.align(
            List.of(
                "env:",
                "  - name: A",
                "    value: \"1\"",
                "  - name: B",
                "    value: \"2\"",
                "replicas: 3"));
    assertThat(lines).containsExactly(0, 2, 3, 2, 3, 5);
    assertThat(t.line(3).values()).isEmpty();
  }

  @Test
  void insideWithTheDotIsTheValuesPath() {
    TemplateLines t =
        TemplateLines.of(
            String.join(
                "\n",
                "{{- with .Values.pool }}",
                "max: {{ .max | quote }}",
                "all: {{ toYaml . }}",
                "name: {{ $.Release.Name }}-{{ .Chart }}",
                "{{- end }}",
                "other: {{ .max }}"));
    assertThat(t.line(1).values()).containsExactly(List.of("pool", "max"));
    assertThat(t.line(2).values()).containsExactly(List.of("pool"));
    assertThat(t.line(5).values()).isEmpty();
  }
}
