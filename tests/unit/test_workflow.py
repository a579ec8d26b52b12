"""The publishing workflow and pre-commit hook: valid YAML that runs our commands."""

import yaml

from conftest import ROOT


def test_publish_workflow_checks_then_publishes_then_deploys():
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text())
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads `on` as True
    steps = workflow["jobs"]["build"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    assert commands == ["make check", "make publish"]
    # make publish's output is a link to a version folder: the slash makes tar follow it.
    assert steps[-1]["with"]["path"] == "output/"
    assert steps[-2]["env"]["SITEURL"] == "${{ vars.SITEURL }}"
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_the_published_site_follows_the_clock_and_rebuilds_only_what_changed():
    """Embargoes, calls to action, events and the electoral silence are measured
    against the build's moment: the site is rebuilt on a schedule, from the cache
    of the previous publication."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text())
    [schedule] = workflow[True]["schedule"]
    minutes = schedule["cron"].split()[0]
    assert minutes.startswith("*/") and int(minutes[2:]) <= 15
    steps = workflow["jobs"]["build"]["steps"]
    [cache] = [step for step in steps if step.get("uses", "").startswith("actions/cache@")]
    assert cache["with"]["path"] == "cache" and cache["with"]["restore-keys"] == "site-"
    assert steps.index(cache) < [step.get("run") for step in steps].index("make check")


def test_pre_commit_runs_make_check():
    [repo] = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"]
    assert repo["hooks"][0]["entry"] == "make check"
