{{- define "orders-api.labels" -}}
app: {{ .Chart.Name }}
{{- end }}
