#!/usr/bin/env python3
"""Writes realistic `helm template`-style manifest sets for kubeload's benchmarks.

Each set is a stream of releases; a release is what one chart renders: ServiceAccount, RBAC, a
ConfigMap with a sizeable configuration file, Service, Deployment (or, now and then, a node agent
DaemonSet or a cluster-wide controller), HorizontalPodAutoscaler, PodDisruptionBudget, and a test
hook Pod. The same seed always gives byte-identical files. Plain Python, no third-party module.

    bench/generate.py [--seed N] [--out bench/out] [--sizes small=100,medium=2000,large=20000]
                      [--fleet fleet=100000] [--charts charts=100000]

Beside each set NAME.yaml it writes chart-NAME/, a chart that renders about as many objects of the
same kinds and sizes, for the `helm template` reference in bench/run.sh.

The fleet sets are a GitOps repository rendered whole: --fleet writes many small releases
(ServiceAccount, Role, RoleBinding, a small ConfigMap, Service, and a Deployment or, one in 23, a
DaemonSet: about 500 bytes an object), --charts 200 releases shaped like real charts (dozens of
components each, with larger configuration files and CustomResourceDefinitions).
"""

import argparse
import os
import random

ADJECTIVES = ["amber", "brisk", "cobalt", "dusty", "eager", "fuzzy", "gentle", "hollow", "ivory", "jolly",
              "keen", "lucid", "mellow", "nimble", "olive", "proud", "quiet", "rapid", "silver", "tidy"]
NOUNS = ["cart", "ledger", "search", "billing", "orders", "gateway", "catalog", "ratings", "mailer", "auth",
         "inventory", "reports", "checkout", "profile", "session", "pricing", "media", "export", "notify", "audit"]
LOG_LEVELS = ["debug", "info", "warn"]


def release_name(rng, index):
    return f"{rng.choice(ADJECTIVES)}-{rng.choice(NOUNS)}-{index}"


def labels(name, indent):
    pad = " " * indent
    return (f"{pad}app.kubernetes.io/name: {name}\n"
            f"{pad}app.kubernetes.io/instance: {name}\n"
            f"{pad}app.kubernetes.io/managed-by: Helm\n"
            f"{pad}helm.sh/chart: {name}-1.4.2\n")


def document(chart, template, body):
    return f"---\n# Source: {chart}/templates/{template}\n{body}"


def labelled(chart, template, api_version, kind, name, namespace, body, object_name=None):
    """A document of one release's object: apiVersion, kind, name, namespace (None: cluster-scoped), labels."""
    where = f"  namespace: {namespace}\n" if namespace else ""
    return document(chart, template, f"apiVersion: {api_version}\nkind: {kind}\nmetadata:\n  name: {object_name or name}\n"
                                     f"{where}  labels:\n{labels(name, 4)}{body}")


def config_file(rng, name, lines):
    """An application configuration file, as charts embed them in ConfigMaps (literal block)."""
    out = [f"    # {name} configuration, rendered from values.yaml\n", "    server:\n",
           f"      port: {8000 + rng.randrange(1000)}\n", f"      logLevel: {rng.choice(LOG_LEVELS)}\n", "    routes:\n"]
    for i in range(lines):
        out.append(f"      - path: /api/v{1 + i % 3}/{rng.choice(NOUNS)}/{i}\n")
        out.append(f"        upstream: http://{rng.choice(NOUNS)}-{rng.randrange(100)}.svc.cluster.local:{8000 + i % 100}\n")
        out.append(f"        timeoutSeconds: {1 + rng.randrange(30)}\n")
    return "".join(out)


def service_account(chart, name, namespace):
    return labelled(chart, "serviceaccount.yaml", "v1", "ServiceAccount", name, namespace, "")


def config_map(rng, chart, name, namespace, lines):
    return labelled(chart, "configmap.yaml", "v1", "ConfigMap", name, namespace,
                    f"data:\n  app.yaml: |\n{config_file(rng, name, lines)}"
                    f"  FEATURE_FLAGS: \"search,export,{rng.choice(NOUNS)}\"\n", object_name=f"{name}-config")


def role(chart, name, namespace, cluster_wide):
    kind = "ClusterRole" if cluster_wide else "Role"
    resources = '["pods", "services", "endpoints"]' if cluster_wide else '["configmaps", "secrets"]'
    return labelled(chart, f"{kind.lower()}.yaml", "rbac.authorization.k8s.io/v1", kind, name,
                    None if cluster_wide else namespace, "rules:\n"
                    f"  - apiGroups: [\"\"]\n    resources: {resources}\n    verbs: [\"get\", \"list\", \"watch\"]\n"
                    f"  - apiGroups: [\"coordination.k8s.io\"]\n    resources: [\"leases\"]\n"
                    f"    verbs: [\"get\", \"create\", \"update\"]\n")


def role_binding(chart, name, namespace, cluster_wide):
    kind = "ClusterRole" if cluster_wide else "Role"
    binding = "ClusterRoleBinding" if cluster_wide else "RoleBinding"
    return labelled(chart, f"{binding.lower()}.yaml", "rbac.authorization.k8s.io/v1", binding, name,
                    None if cluster_wide else namespace,
                    f"roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: {kind}\n"
                    f"  name: {name}\nsubjects:\n  - kind: ServiceAccount\n    name: {name}\n    namespace: {namespace}\n")


def service(chart, name, namespace):
    return labelled(chart, "service.yaml", "v1", "Service", name, namespace,
                    f"spec:\n  type: ClusterIP\n  selector:\n"
                    f"    app.kubernetes.io/name: {name}\n  ports:\n    - name: http\n      port: 80\n"
                    f"      targetPort: http\n      protocol: TCP\n")


def pod_spec(rng, name, node_agent, indent):
    pad = " " * indent
    env = ""
    args = f"{pad}      - --config=/etc/{name}/app.yaml\n"
    if node_agent:
        env = (f"{pad}    env:\n{pad}      - name: NODE_NAME\n{pad}        valueFrom:\n"
               f"{pad}          fieldRef:\n{pad}            fieldPath: spec.nodeName\n")
        args += f"{pad}      - --node-name=$(NODE_NAME)\n"
    return (f"{pad}serviceAccountName: {name}\n{pad}securityContext:\n{pad}  runAsNonRoot: true\n"
            f"{pad}  runAsUser: 10001\n{pad}containers:\n"
            f"{pad}  - name: {name}\n{pad}    image: registry.example.com/{name}:{rng.randrange(1, 9)}.{rng.randrange(30)}.0\n"
            f"{pad}    imagePullPolicy: IfNotPresent\n{pad}    args:\n{args}{env}"
            f"{pad}    ports:\n{pad}      - name: http\n{pad}        containerPort: 8080\n{pad}        protocol: TCP\n"
            f"{pad}    livenessProbe:\n{pad}      httpGet:\n{pad}        path: /healthz\n{pad}        port: http\n"
            f"{pad}    readinessProbe:\n{pad}      httpGet:\n{pad}        path: /ready\n{pad}        port: http\n"
            f"{pad}    resources:\n{pad}      requests:\n{pad}        cpu: {rng.choice([50, 100, 250])}m\n"
            f"{pad}        memory: {rng.choice([64, 128, 256])}Mi\n{pad}      limits:\n{pad}        memory: 512Mi\n"
            f"{pad}    volumeMounts:\n{pad}      - name: config\n{pad}        mountPath: /etc/{name}\n"
            f"{pad}volumes:\n{pad}  - name: config\n{pad}    configMap:\n{pad}      name: {name}-config\n")


def workload(rng, chart, name, namespace, kind, replicas):
    spec = f"  replicas: {replicas}\n" if kind == "Deployment" else ""
    strategy = ("  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 0\n"
                if kind == "Deployment" else "  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n")
    return labelled(chart, f"{kind.lower()}.yaml", "apps/v1", kind, name, namespace,
                    f"spec:\n{spec}{strategy}  selector:\n    matchLabels:\n"
                    f"      app.kubernetes.io/name: {name}\n  template:\n    metadata:\n      labels:\n{labels(name, 8)}"
                    f"      annotations:\n        checksum/config: {rng.getrandbits(128):032x}\n    spec:\n"
                    f"{pod_spec(rng, name, kind == 'DaemonSet', 6)}")


def autoscaler(chart, name, namespace, replicas):
    return labelled(chart, "hpa.yaml", "autoscaling/v2", "HorizontalPodAutoscaler", name, namespace,
                    f"spec:\n  scaleTargetRef:\n"
                    f"    apiVersion: apps/v1\n    kind: Deployment\n    name: {name}\n  minReplicas: {replicas}\n"
                    f"  maxReplicas: {replicas * 4}\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n"
                    f"        target:\n          type: Utilization\n          averageUtilization: 70\n")


def disruption_budget(chart, name, namespace):
    return labelled(chart, "pdb.yaml", "policy/v1", "PodDisruptionBudget", name, namespace,
                    f"spec:\n  maxUnavailable: 1\n"
                    f"  selector:\n    matchLabels:\n      app.kubernetes.io/name: {name}\n")


def test_hook(chart, name, namespace):
    return document(chart, "tests/test-connection.yaml",
                    f"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}-test-connection\n  namespace: {namespace}\n"
                    f"  annotations:\n    \"helm.sh/hook\": test\nspec:\n  restartPolicy: Never\n  containers:\n"
                    f"    - name: wget\n      image: busybox:1.36\n      command: [\"wget\", \"-qO-\", \"{name}:80\"]\n")


def release(rng, index):
    """One chart's rendered output: 9 objects (8 for a DaemonSet, which has no HPA), and an empty document."""
    name = release_name(rng, index)
    namespace = f"team-{index % 40}"
    roll = rng.random()
    kind = "DaemonSet" if roll < 0.02 else "Deployment"
    cluster_wide = kind == "DaemonSet" or roll < 0.06
    replicas = rng.choice([2, 3, 3, 5])
    docs = [service_account(name, name, namespace),
            config_map(rng, name, name, namespace, rng.randrange(80, 210)),
            role(name, name, namespace, cluster_wide),
            role_binding(name, name, namespace, cluster_wide),
            service(name, name, namespace),
            workload(rng, name, name, namespace, kind, replicas),
            disruption_budget(name, name, namespace),
            test_hook(name, name, namespace)]
    if kind == "Deployment":
        docs.insert(6, autoscaler(name, name, namespace, replicas))
    # helm template writes an empty document where a template renders nothing.
    docs.append(f"---\n# Source: {name}/templates/networkpolicy.yaml\n")
    return docs


def write_set(path, objects, seed):
    return write_releases(path, objects, random.Random(f"{seed}:{objects}"), release)[0]


def fleet_release(rng, index):
    """A small release of a GitOps fleet: six objects in a namespace of its own."""
    name = f"{rng.choice(NOUNS)}-{index}"
    namespace = f"tenant-{index // 3}"
    kind = "DaemonSet" if index % 23 == 22 else "Deployment"
    chart = f"{name}"
    config = (f"data:\n  LOG_LEVEL: {rng.choice(LOG_LEVELS)}\n  UPSTREAM: http://{rng.choice(NOUNS)}.{namespace}.svc:8080\n"
              f"  FEATURE_FLAGS: \"{rng.choice(NOUNS)},{rng.choice(NOUNS)}\"\n")
    replicas = rng.choice([1, 2, 2, 3])
    return [service_account(chart, name, namespace),
            role(chart, name, namespace, False),
            role_binding(chart, name, namespace, False),
            labelled(chart, "configmap.yaml", "v1", "ConfigMap", name, namespace, config, object_name=f"{name}-config"),
            service(chart, name, namespace),
            small_workload(rng, chart, name, namespace, kind, replicas)]


def small_workload(rng, chart, name, namespace, kind, replicas):
    spec = f"  replicas: {replicas}\n" if kind == "Deployment" else ""
    agent = kind == "DaemonSet"
    env = ("          env:\n            - name: NODE_NAME\n              valueFrom:\n"
           "                fieldRef:\n                  fieldPath: spec.nodeName\n") if agent else ""
    return labelled(chart, f"{kind.lower()}.yaml", "apps/v1", kind, name, namespace,
                    f"spec:\n{spec}  selector:\n    matchLabels:\n      app.kubernetes.io/name: {name}\n"
                    f"  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: {name}\n    spec:\n"
                    f"      serviceAccountName: {name}\n      containers:\n        - name: app\n"
                    f"          image: registry.example.com/{name}:1.{rng.randrange(30)}.0\n{env}"
                    f"          envFrom:\n            - configMapRef:\n                name: {name}-config\n"
                    f"          resources:\n            requests:\n              cpu: 50m\n              memory: 64Mi\n")


def crd(chart, name, group, versions):
    """A CustomResourceDefinition as operators ship them: a long OpenAPI schema."""
    props = "".join(f"                    field{i}:\n                      type: string\n"
                    f"                      description: Field {i} of the {name} resource, as the operator reads it.\n"
                    for i in range(versions))
    return document(chart, f"crds/{name}.yaml",
                    f"apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n"
                    f"  name: {name}s.{group}\nspec:\n  group: {group}\n  scope: Namespaced\n  names:\n"
                    f"    kind: {name.capitalize()}\n    plural: {name}s\n  versions:\n    - name: v1\n"
                    f"      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n"
                    f"          type: object\n          properties:\n            spec:\n              type: object\n"
                    f"              properties:\n                config:\n                  type: object\n"
                    f"                  properties:\n{props}")


def chart_release(rng, index):
    """A release shaped like a real chart (an operator or a platform stack): about 500 objects."""
    release = f"{rng.choice(ADJECTIVES)}-stack-{index}"
    namespace = f"platform-{index}"
    group = f"{release}.example.com"
    docs = [crd(release, f"{noun}", group, rng.randrange(40, 120)) for noun in rng.sample(NOUNS, 3)]
    for component in range(80):
        name = f"{release}-{rng.choice(NOUNS)}-{component}"
        roll = rng.random()
        kind = "DaemonSet" if roll < 0.03 else "StatefulSet" if roll < 0.12 else "Deployment"
        cluster_wide = kind == "DaemonSet" or roll > 0.95
        docs += [service_account(release, name, namespace),
                 config_map(rng, release, name, namespace, rng.randrange(2, 25)),
                 role(release, name, namespace, cluster_wide),
                 role_binding(release, name, namespace, cluster_wide),
                 service(release, name, namespace),
                 workload(rng, release, name, namespace, kind, rng.choice([1, 2, 3])) if kind != "StatefulSet"
                 else workload(rng, release, name, namespace, "Deployment", 3).replace("kind: Deployment", "kind: StatefulSet", 1)
                 .replace("  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 0\n",
                          f"  serviceName: {name}\n")]
        if kind == "Deployment" and component % 4 == 0:
            docs.append(autoscaler(release, name, namespace, 2))
    return docs


def write_releases(path, objects, rng, shape):
    """Releases of one shape until `objects` objects are written (empty documents do not count)."""
    written = 0
    index = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        while written < objects:
            for doc in shape(rng, index):
                if "\nkind: " in doc:
                    if written == objects:
                        break
                    written += 1
                out.write(doc)
            index += 1
    return written, index


CHART_TEMPLATE = """{{- range $i := until (int .Values.releases) }}
{{- $name := printf "%s-%d" $.Release.Name $i }}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  {{- include "bench.metadata" (list $name $i) | nindent 2 }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  {{- include "bench.metadata" (list (printf "%s-config" $name) $i) | nindent 2 }}
data:
  app.yaml: |
    server:
      port: {{ add 8000 $i }}
    routes:
    {{- range $r := until (int $.Values.routes) }}
      - path: /api/v{{ add 1 (mod $r 3) }}/{{ $name }}/{{ $r }}
        upstream: http://{{ $name }}-{{ $r }}.svc.cluster.local:{{ add 8000 (mod $r 100) }}
        timeoutSeconds: {{ add 1 (mod $r 30) }}
    {{- end }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  {{- include "bench.metadata" (list $name $i) | nindent 2 }}
rules:
  - apiGroups: [""]
    resources: ["configmaps", "secrets"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  {{- include "bench.metadata" (list $name $i) | nindent 2 }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: {{ $name }}
subjects:
  - kind: ServiceAccount
    name: {{ $name }}
    namespace: team-{{ mod $i 40 }}
---
apiVersion: v1
kind: Service
metadata:
  {{- include "bench.metadata" (list $name $i) | nindent 2 }}
spec:
  selector:
    app.kubernetes.io/name: {{ $name }}
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  {{- include "bench.metadata" (list $name $i) | nindent 2 }}
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: {{ $name }}
  template:
    metadata:
      labels:
        {{- include "bench.labels" $name | nindent 8 }}
      annotations:
        checksum/config: {{ $name | sha256sum }}
    spec:
      serviceAccountName: {{ $name }}
      containers:
        - name: app
          image: registry.example.com/{{ $name }}:1.0.0
          args: ["--config=/etc/app/app.yaml"]
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
          volumeMounts:
            - name: config
              mountPath: /etc/app
      volumes:
        - name: config
          configMap:
            name: {{ $name }}-config
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  {{- include "bench.metadata" (list $name $i) | nindent 2 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $name }}
  minReplicas: 3
  maxReplicas: 12
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  {{- include "bench.metadata" (list $name $i) | nindent 2 }}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {{ $name }}
{{- end }}
"""

CHART_HELPERS = """{{- define "bench.labels" -}}
app.kubernetes.io/name: {{ . }}
app.kubernetes.io/instance: {{ . }}
app.kubernetes.io/managed-by: Helm
{{- end }}
{{- define "bench.metadata" -}}
name: {{ index . 0 }}
namespace: team-{{ mod (index . 1) 40 }}
labels:
  {{- include "bench.labels" (index . 0) | nindent 2 }}
{{- end }}
"""


def write_chart(path, objects):
    """A chart that renders about as many objects, of the same kinds and sizes, for `helm template`."""
    os.makedirs(os.path.join(path, "templates"), exist_ok=True)
    files = {"Chart.yaml": "apiVersion: v2\nname: bench\nversion: 1.0.0\n",
             # 8 objects per release; 145 routes make a ConfigMap as large as the generated sets' average.
             "values.yaml": f"releases: {max(1, objects // 8)}\nroutes: 145\n",
             "templates/_helpers.tpl": CHART_HELPERS,
             "templates/releases.yaml": CHART_TEMPLATE}
    for name, text in files.items():
        with open(os.path.join(path, name), "w", encoding="utf-8", newline="\n") as out:
            out.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    parser.add_argument("--sizes", default="small=100,medium=2000,large=20000",
                        help="name=objects pairs; each becomes OUT/NAME.yaml")
    parser.add_argument("--fleet", default="", help="name=objects pairs of many small releases (OUT/NAME.yaml)")
    parser.add_argument("--charts", default="", help="name=objects pairs of real-chart-like releases (OUT/NAME.yaml)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for option, shape in ((args.fleet, fleet_release), (args.charts, chart_release)):
        for pair in filter(None, option.split(",")):
            label, count = pair.split("=")
            path = os.path.join(args.out, f"{label}.yaml")
            rng = random.Random(f"{args.seed}:{shape.__name__}:{count}")
            written, releases = write_releases(path, int(count), rng, shape)
            print(f"{path}: {written} objects in {releases} releases, {os.path.getsize(path) / 1e6:.1f} MB")
    if not args.sizes:
        return
    for pair in args.sizes.split(","):
        label, count = pair.split("=")
        path = os.path.join(args.out, f"{label}.yaml")
        written = write_set(path, int(count), args.seed)
        write_chart(os.path.join(args.out, f"chart-{label}"), int(count))
        print(f"{path}: {written} objects, {os.path.getsize(path) / 1e6:.1f} MB; chart in chart-{label}/")


if __name__ == "__main__":
    main()
