{{- define "convene-lib.deployment" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "convene-lib.fullname" . }}
  labels: {{- include "convene-lib.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate: { maxUnavailable: 0, maxSurge: 1 }
  selector:
    matchLabels: {{- include "convene-lib.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels: {{- include "convene-lib.labels" . | nindent 8 }}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
        prometheus.io/path: /metrics
    spec:
      serviceAccountName: {{ include "convene-lib.fullname" . }}
      automountServiceAccountToken: false
      # SIGTERM → readiness fails, work in flight finishes, NATS drains; the grace period covers it.
      terminationGracePeriodSeconds: {{ add .Values.shutdownGraceSeconds 10 }}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        fsGroup: 10001
        seccompProfile: { type: RuntimeDefault }
      containers:
        - name: {{ .Values.service }}
          image: {{ include "convene-lib.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
            # /healthz /readyz /metrics: probes and Prometheus only, never routed by an ingress.
            - name: ops
              containerPort: 9090
              protocol: TCP
          env: {{- include "convene-lib.env" . | nindent 12 }}
          livenessProbe:
            httpGet: { path: /healthz, port: ops }
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet: { path: /readyz, port: ops }
            periodSeconds: 5
            failureThreshold: 2
          startupProbe:
            httpGet: { path: /healthz, port: ops }
            periodSeconds: 2
            failureThreshold: 60
          lifecycle:
            # Give endpoints time to drop the pod from Services before the process stops taking work.
            preStop:
              sleep: { seconds: 5 }
          resources: {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: ["ALL"] }
          volumeMounts:
            - { name: tmp, mountPath: /tmp }
            {{- include "convene-lib.natsTlsMount" . | nindent 12 }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- include "convene-lib.natsTlsVolume" . | nindent 8 }}
      {{- with .Values.nodeSelector }}
      nodeSelector: {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations: {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}
