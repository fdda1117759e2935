{{- define "convene-lib.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "convene-lib.fullname" . }}
  labels: {{- include "convene-lib.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector: {{- include "convene-lib.selectorLabels" . | nindent 4 }}
  ports:
    - { name: http, port: 80, targetPort: http, protocol: TCP }
    # For the ServiceMonitor; route ingresses to `http` only.
    - { name: ops, port: 9090, targetPort: ops, protocol: TCP }
{{- end -}}

{{- define "convene-lib.serviceaccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "convene-lib.fullname" . }}
  labels: {{- include "convene-lib.labels" . | nindent 4 }}
automountServiceAccountToken: false
{{- end -}}

{{- define "convene-lib.hpa" -}}
{{- if .Values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "convene-lib.fullname" . }}
  labels: {{- include "convene-lib.labels" . | nindent 4 }}
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: {{ include "convene-lib.fullname" . }} }
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: {{ .Values.autoscaling.targetCPU }} }
{{- end }}
{{- end -}}

{{- define "convene-lib.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "convene-lib.fullname" . }}
  labels: {{- include "convene-lib.labels" . | nindent 4 }}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {{- include "convene-lib.selectorLabels" . | nindent 6 }}
{{- end -}}

{{/* Only the public fronts (the edge, the web app) take traffic from outside the release; everything else only from the release and Prometheus. */}}
{{- define "convene-lib.networkpolicy" -}}
{{- if .Values.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "convene-lib.fullname" . }}
  labels: {{- include "convene-lib.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels: {{- include "convene-lib.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress]
  ingress:
    {{- if .Values.public }}
    - ports: [{ port: 8080, protocol: TCP }]
    {{- else }}
    - from:
        - podSelector:
            matchLabels: { app.kubernetes.io/instance: {{ .Release.Name }} }
      ports: [{ port: 8080, protocol: TCP }]
    {{- end }}
    # Ops endpoints: Prometheus only (kubelet probes are not subject to NetworkPolicy).
    - from:
        - namespaceSelector:
            matchLabels: {{- toYaml .Values.networkPolicy.prometheusNamespaceLabels | nindent 14 }}
      ports: [{ port: 9090, protocol: TCP }]
{{- end }}
{{- end -}}

{{- define "convene-lib.servicemonitor" -}}
{{- if .Values.serviceMonitor.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "convene-lib.fullname" . }}
  labels: {{- include "convene-lib.labels" . | nindent 4 }}
spec:
  selector:
    matchLabels: {{- include "convene-lib.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: ops
      path: /metrics
      interval: {{ .Values.serviceMonitor.interval }}
{{- end }}
{{- end -}}

{{/* Scale a consumer group on JetStream consumer lag (KEDA's nats-jetstream scaler). */}}
{{- define "convene-lib.keda" -}}
{{- if .Values.keda.enabled }}
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: {{ include "convene-lib.fullname" . }}
  labels: {{- include "convene-lib.labels" . | nindent 4 }}
spec:
  scaleTargetRef: { name: {{ include "convene-lib.fullname" . }} }
  minReplicaCount: {{ .Values.autoscaling.minReplicas }}
  maxReplicaCount: {{ .Values.autoscaling.maxReplicas }}
  triggers:
    - type: nats-jetstream
      metadata:
        natsServerMonitoringEndpoint: {{ required "keda.monitoringEndpoint is required" .Values.keda.monitoringEndpoint | quote }}
        account: "$G"
        stream: {{ .Values.keda.stream | quote }}
        consumer: {{ .Values.keda.consumer | quote }}
        lagThreshold: {{ .Values.keda.lagThreshold | quote }}
{{- end }}
{{- end -}}

{{/* Everything a service chart renders: one line in its templates/. */}}
{{- define "convene-lib.all" -}}
{{ include "convene-lib.serviceaccount" . }}
---
{{ include "convene-lib.deployment" . }}
---
{{ include "convene-lib.service" . }}
---
{{ include "convene-lib.pdb" . }}
{{- with (include "convene-lib.hpa" .) }}
---
{{ . }}
{{- end }}
{{- with (include "convene-lib.networkpolicy" .) }}
---
{{ . }}
{{- end }}
{{- with (include "convene-lib.servicemonitor" .) }}
---
{{ . }}
{{- end }}
{{- with (include "convene-lib.keda" .) }}
---
{{ . }}
{{- end }}
{{- end -}}
