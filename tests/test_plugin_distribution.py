"""The whole plugin path with a real distribution: tests/example_plugin installed in a fresh virtual
environment next to gxlint, discovered through its entry point, listed, selectable, configurable,
its findings in the output, and its deliberate crash isolated as GX000."""

import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds a virtual environment and installs the example plugin in it

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = ROOT / "tests" / "example_plugin"

REPORT = """示例县人民政府办公室2021年政府信息公开工作年度报告
如对本报告有疑问，请与本办联系（电话：0371-61234567）。
一、总体情况
本年度工作平稳。
"""


def _run(args, **kw):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, encoding="utf-8", **kw)


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    where = tmp_path_factory.mktemp("plugin-venv")
    env_dir = where / "venv"
    # gxlint's dependencies (lark, pluggy, click, ruamel.yaml ...) come from the environment running
    # the tests, so nothing is downloaded.  --system-site-packages alone is not enough: when the tests
    # run in a virtual environment, a venv made from it sees the *base* interpreter's packages, which
    # need not include them; the nested venv adds this environment's site directories itself.
    made = _run([sys.executable, "-m", "venv", "--system-site-packages", env_dir])
    if made.returncode != 0:
        pytest.skip(f"cannot create a virtual environment: {made.stderr.strip()}")
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    pip = [bindir / "python", "-m", "pip", "install", "--quiet", "--no-deps"]
    # build the plugin from a copy: an in-tree build would leave its .egg-info next to the sources,
    # where the main test run (which imports the plugin from there) would discover its entry point
    plugin_copy = where / "plugin-src"
    skip = shutil.ignore_patterns("*.egg-info", "build", "__pycache__")
    shutil.copytree(PLUGIN, plugin_copy, ignore=skip)
    # gxlint from a copy too: an in-tree build leaves build/lib behind, whose stale modules (a rule
    # file since moved) the next build would ship
    gxlint_copy = where / "gxlint-src"
    gxlint_copy.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", "gxlint", "rules", "grammar"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, gxlint_copy / name, ignore=skip)
        elif (ROOT / name).exists():
            shutil.copy(ROOT / name, gxlint_copy / name)
    for target in (gxlint_copy, plugin_copy):
        done = _run([*pip, target], cwd=where)
        assert done.returncode == 0, done.stderr
    # only now (pip's isolated builds above must not see them): the outer site directories.  A .pth
    # line starting with "import" is executed, so addsitedir also runs their own .pth files
    # (namespace packages, editable installs) as the outer interpreter does; the nested venv's own
    # site-packages (the gxlint and plugin just installed) stay first on sys.path.
    purelib = _run([bindir / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    assert purelib.returncode == 0, purelib.stderr
    outer = [
        d for d in (*site.getsitepackages(), site.getusersitepackages()) if d in sys.path and os.path.isdir(d)
    ]
    Path(purelib.stdout.strip(), "zz-outer-environment.pth").write_text(
        "".join(f"import site; site.addsitedir({d!r})\n" for d in outer), encoding="utf-8"
    )
    return bindir, where


def test_discovered_and_listed(venv):
    bindir, where = venv
    plugins = _run([bindir / "gxlint", "plugins"], cwd=where)
    assert plugins.returncode == 0, plugins.stderr
    assert "example" in plugins.stdout and "gxlint-example-plugin 0.3.1" in plugins.stdout
    assert "2 条规则" in plugins.stdout
    rules = _run([bindir / "gxlint", "rules", "--format", "json"], cwd=where)
    codes = {r["code"]: r for r in json.loads(rules.stdout)}
    assert codes["SX101"]["plugin"] == "example" and "GX001" in codes


def test_selected_configured_and_reported(venv):
    bindir, where = venv
    report = where / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    found = _run([bindir / "gxlint", "--format", "json", "--select", "SX", str(report)], cwd=where)
    findings = json.loads(found.stdout)
    assert [f["code"] for f in findings] == ["SX101"]
    assert found.returncode == 0  # SX101 is a warning; the failing level is error
    assert (
        _run([bindir / "gxlint", "--select", "SX", "--fail-on", "warning", str(report)], cwd=where).returncode
        == 1
    )
    # configured through .gxlint.yaml like any rule
    (where / "cfg").mkdir()
    (where / "cfg" / ".gxlint.yaml").write_text(
        "select: [SX101]\noptions:\n  SX101: {keyword: 电话}\n", encoding="utf-8"
    )
    configured = where / "cfg" / "report.txt"
    configured.write_text(REPORT, encoding="utf-8")
    quiet = _run([bindir / "gxlint", "--format", "json", str(configured)], cwd=where)
    assert json.loads(quiet.stdout) == [], quiet.stdout + quiet.stderr
    # an option of the wrong type is a config error naming the file and line
    (where / "cfg" / ".gxlint.yaml").write_text("options:\n  SX101: {keyword: 3}\n", encoding="utf-8")
    bad = _run([bindir / "gxlint", str(configured)], cwd=where)
    assert bad.returncode == 2 and ".gxlint.yaml:2" in bad.stderr and "Traceback" not in bad.stderr


def test_crash_is_isolated(venv):
    bindir, where = venv
    report = where / "crash.txt"
    report.write_text(REPORT + "【触发崩溃】\n", encoding="utf-8")
    result = _run([bindir / "gxlint", "--format", "json", "--lang", "en", str(report)], cwd=where)
    findings = json.loads(result.stdout)
    codes = [f["code"] for f in findings]
    crash = [f for f in findings if f["code"] == "GX000"]
    assert len(crash) == 1 and "SX999" in crash[0]["message"] and "RuntimeError" in crash[0]["message"]
    assert "SX101" in codes  # the plugin's other rule still ran
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
