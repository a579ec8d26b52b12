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


def test_pre_commit_runs_make_check():
    [repo] = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"]
    assert repo["hooks"][0]["entry"] == "make check"
