#!/usr/bin/env node
'use strict';
/**
 * node deploy/validate-manifests.js
 *
 * Offline checks of deploy/k8s (no cluster needed): every file parses as YAML, every document is a
 * named Kubernetes object, kustomization.yaml lists existing files, and the pieces fit together —
 * the Service selects the Deployment's pods on a declared port, probes hit the server's health
 * routes, envFrom names the ConfigMap and Secret, and every variable they set is one the server
 * reads (src/config/app-config.ts).
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const DIR = path.join(__dirname, 'k8s');
const CONFIG_SOURCE = path.join(__dirname, '..', 'src', 'config', 'app-config.ts');
/** Read by Node itself, not by the app's config. */
const RUNTIME_VARIABLES = new Set(['NODE_OPTIONS']);

const problems = new Set();
const check = (ok, message) => ok || problems.add(message);

function load() {
  const objects = [];
  let kustomization;
  for (const file of fs
    .readdirSync(DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()) {
    for (const document of YAML.parseAllDocuments(fs.readFileSync(path.join(DIR, file), 'utf8'))) {
      for (const error of document.errors) problems.add(`${file}: ${error.message}`);
      const object = document.toJSON();
      if (!object) continue;
      if (object.kind === 'Kustomization') {
        kustomization = object;
        continue;
      }
      check(object.apiVersion && object.kind && object.metadata?.name, `${file}: a document without apiVersion, kind or metadata.name`);
      objects.push({ file, ...object });
    }
  }
  return { objects, kustomization };
}

function checkKustomization(kustomization, objects) {
  if (!check(kustomization, 'kustomization.yaml is missing')) return;
  for (const resource of kustomization.resources) check(fs.existsSync(path.join(DIR, resource)), `kustomization.yaml: ${resource} does not exist`);
  const listed = new Set(kustomization.resources);
  // *.example.yaml are templates applied by hand (the Secret).
  for (const { file } of objects) check(listed.has(file) || file.includes('.example.'), `${file} is not listed in kustomization.yaml`);
}

function find(objects, kind, name) {
  return objects.find((object) => object.kind === kind && (!name || object.metadata.name === name));
}

function checkEnvFrom(owner, container, objects, configVariables) {
  for (const source of container.envFrom || []) {
    const [kind, ref] = source.configMapRef ? ['ConfigMap', source.configMapRef] : ['Secret', source.secretRef];
    const object = find(objects, kind, ref.name);
    if (!check(object, `${owner}: envFrom ${kind} ${ref.name} is not defined`)) continue;
    for (const key of Object.keys(object.data || object.stringData || {})) {
      check(configVariables.has(key) || RUNTIME_VARIABLES.has(key), `${kind} ${ref.name}: ${key} is not read by src/config/app-config.ts`);
    }
  }
  for (const { name } of container.env || []) check(configVariables.has(name), `${owner}: env ${name} is not read by src/config/app-config.ts`);
}

function checkPodSecurity(owner, podSpec) {
  check(podSpec.securityContext?.runAsNonRoot === true, `${owner}: pod securityContext.runAsNonRoot must be true`);
  for (const container of podSpec.containers) {
    const context = container.securityContext || {};
    check(context.readOnlyRootFilesystem === true, `${owner}/${container.name}: readOnlyRootFilesystem must be true`);
    check(context.allowPrivilegeEscalation === false, `${owner}/${container.name}: allowPrivilegeEscalation must be false`);
    check(container.resources?.requests && container.resources?.limits, `${owner}/${container.name}: resources.requests and limits are required`);
  }
}

function checkDeployment(objects, configVariables) {
  const deployment = find(objects, 'Deployment');
  if (!check(deployment, 'no Deployment')) return;
  const owner = `Deployment ${deployment.metadata.name}`;
  const pod = deployment.spec.template;
  check(deployment.spec.replicas >= 2, `${owner}: at least 2 replicas`);
  check(
    Object.entries(deployment.spec.selector.matchLabels).every(([key, value]) => pod.metadata.labels[key] === value),
    `${owner}: selector does not match the pod labels`,
  );
  checkPodSecurity(owner, pod.spec);
  const container = pod.spec.containers[0];
  check(container.readinessProbe?.httpGet?.path === '/health', `${owner}: readinessProbe must GET /health`);
  check(container.livenessProbe?.httpGet?.path === '/health/live', `${owner}: livenessProbe must GET /health/live`);
  checkEnvFrom(owner, container, objects, configVariables);

  const service = objects.find((object) => object.kind === 'Service' && object.spec.type !== 'ExternalName');
  if (!check(service, 'no Service for the Deployment')) return;
  check(
    Object.entries(service.spec.selector).every(([key, value]) => pod.metadata.labels[key] === value),
    `Service ${service.metadata.name}: selector does not match the pods`,
  );
  const portNames = new Set(container.ports.map((port) => port.name));
  for (const port of service.spec.ports)
    check(portNames.has(port.targetPort), `Service ${service.metadata.name}: targetPort ${port.targetPort} is not a container port`);
  checkMetricsPort(objects, pod, container, service);
}

/** Metrics: scraped on the pod's own metrics port (METRICS_PORT), which the Service never exposes. */
function checkMetricsPort(objects, pod, container, service) {
  const annotations = pod.metadata.annotations || {};
  const metricsPort = container.ports.find((port) => port.name === 'metrics');
  if (!check(metricsPort, 'Deployment: a container port named metrics is required')) return;
  const configMap = find(objects, 'ConfigMap');
  check(
    configMap?.data?.METRICS_PORT === String(metricsPort.containerPort),
    `ConfigMap: METRICS_PORT must be the metrics container port ${metricsPort.containerPort}`,
  );
  check(annotations['prometheus.io/scrape'] === 'true', 'Deployment: pod annotation prometheus.io/scrape must be "true"');
  check(
    annotations['prometheus.io/port'] === String(metricsPort.containerPort),
    `Deployment: pod annotation prometheus.io/port must be ${metricsPort.containerPort}`,
  );
  check(annotations['prometheus.io/path'] === '/metrics', 'Deployment: pod annotation prometheus.io/path must be /metrics');
  for (const port of service.spec.ports) {
    check(port.targetPort !== 'metrics' && port.targetPort !== metricsPort.containerPort, `Service ${service.metadata.name}: must not expose the metrics port`);
  }
}

function checkJobs(objects, configVariables) {
  for (const job of objects.filter((object) => object.kind === 'Job')) {
    const owner = `Job ${job.metadata.name}`;
    checkPodSecurity(owner, job.spec.template.spec);
    for (const container of job.spec.template.spec.containers) checkEnvFrom(owner, container, objects, configVariables);
  }
}

function main() {
  const configVariables = new Set([...fs.readFileSync(CONFIG_SOURCE, 'utf8').matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((match) => match[1]));
  const { objects, kustomization } = load();
  checkKustomization(kustomization, objects);
  checkDeployment(objects, configVariables);
  checkJobs(objects, configVariables);
  if (problems.size > 0) {
    console.error(`deploy/k8s: ${problems.size} problem(s):\n  - ${[...problems].join('\n  - ')}`);
    process.exit(1);
  }
  console.log(`deploy/k8s: ${objects.length} objects OK (${objects.map((object) => `${object.kind}/${object.metadata.name}`).join(', ')})`);
}

main();
