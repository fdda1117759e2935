{{/* Name of a service's objects: <release>-<service>. */}}
{{- define "convene-lib.fullname" -}}
{{- printf "%s-%s" .Release.Name .Values.service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "convene-lib.selectorLabels" -}}
app.kubernetes.io/name: {{ .Values.service }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "convene-lib.labels" -}}
{{ include "convene-lib.selectorLabels" . }}
app.kubernetes.io/part-of: convene
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "convene-lib.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{/* Environment every service container gets; secrets only by reference. */}}
{{- define "convene-lib.env" -}}
- name: SERVICES
  value: {{ .Values.service | quote }}
- name: HTTP_PORT
  value: "8080"
- name: OPS_PORT
  value: "9090"
- name: NATS_URL
  value: {{ required "nats.url is required" (coalesce ((.Values.global).natsUrl) .Values.nats.url) | quote }}
# Its own NATS nkey seed (deploy/nats-conf.ts gives its public key the service's permissions)
# and the edge's principal keys: Secrets convene-nats-nkeys (key <service>: the seed) and
# convene-principal (verify-keys, and signing-key for the edge), renamed with
# global.natsNkeysSecret / global.principalSecret.
- name: NATS_NKEY_SEED
  valueFrom:
    secretKeyRef:
      name: {{ (.Values.global).natsNkeysSecret | default "convene-nats-nkeys" | quote }}
      key: {{ .Values.service | quote }}
{{- with (.Values.global).natsTls }}{{- if .secret }}
# TLS to NATS: the CA of the server's certificate (and this pod's own, where NATS verifies
# clients) from the Secret global.natsTls.secret, mounted by convene-lib.natsTlsVolume.
- name: NATS_TLS_CA_FILE
  value: /etc/convene/nats-tls/ca.crt
{{- if .clientCert }}
- name: NATS_TLS_CERT_FILE
  value: /etc/convene/nats-tls/tls.crt
- name: NATS_TLS_KEY_FILE
  value: /etc/convene/nats-tls/tls.key
{{- end }}
{{- end }}{{- end }}
- name: PRINCIPAL_VERIFY_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ (.Values.global).principalSecret | default "convene-principal" | quote }}
      key: verify-keys
{{- if eq .Values.service "edge" }}
- name: PRINCIPAL_SIGNING_KEY
  valueFrom:
    secretKeyRef:
      name: {{ (.Values.global).principalSecret | default "convene-principal" | quote }}
      key: signing-key
{{- end }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ required "database.existingSecret is required" (coalesce ((.Values.global).databaseSecret) .Values.database.existingSecret) | quote }}
      key: {{ .Values.database.secretKey | quote }}
- name: LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: SHUTDOWN_GRACE_MS
  value: {{ .Values.shutdownGraceSeconds | mul 1000 | quote }}
- name: OTEL_SERVICE_NAME
  value: {{ printf "convene-%s" .Values.service | quote }}
{{- with .Values.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- range $name, $value := .Values.env }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- range $name, $ref := .Values.secretEnv }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ $ref.secret | quote }}
      key: {{ $ref.key | quote }}
      {{- if $ref.optional }}
      optional: true
      {{- end }}
{{- end }}
{{- end -}}

{{/* The NATS TLS Secret (global.natsTls.secret) as a read-only volume: mounts, then volumes. */}}
{{- define "convene-lib.natsTlsMount" -}}
{{- if ((.Values.global).natsTls).secret }}
- { name: nats-tls, mountPath: /etc/convene/nats-tls, readOnly: true }
{{- end }}
{{- end -}}

{{- define "convene-lib.natsTlsVolume" -}}
{{- if ((.Values.global).natsTls).secret }}
- name: nats-tls
  secret: { secretName: {{ .Values.global.natsTls.secret | quote }} }
{{- end }}
{{- end -}}
