"""Local bundling: what goes into a function's asset and a layer, and when an asset changes."""

from __future__ import annotations

from pathlib import Path

from aws_cdk import DockerImage

from infra.stacks import bundling

IMAGE = DockerImage.from_registry("unused")


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_a_function_asset_holds_its_context_and_the_functions_package(tmp_path: Path):
    # Given the placements of a tenancy function's code
    init, package = bundling.FUNCTIONS_DIR / "__init__.py", bundling.FUNCTIONS_DIR / "tenancy"
    copier = bundling.CopyFiles([(init, "functions/__init__.py"), (package, "functions/tenancy")])
    # When it is bundled
    assert copier.try_bundle(str(tmp_path), image=IMAGE) is True
    # Then the asset is functions/__init__.py and functions/tenancy/
    files = _tree(tmp_path)
    sources = {f for f in files if not f.endswith(".pyc")}
    assert {"functions/__init__.py", "functions/tenancy/api.py"} <= sources
    assert all(f.startswith(("functions/__init__.py", "functions/tenancy/")) for f in sources)
    # And its only bytecode is its own, compiled to be trusted without timestamps (zips have none)
    compiled = [tmp_path / f for f in files if f.endswith(".pyc")]
    if bundling.SHIPS_BYTECODE:
        assert {str(p.parent.parent.relative_to(tmp_path) / p.name.split(".")[0]) + ".py" for p in compiled} == sources
        assert {int.from_bytes(p.read_bytes()[4:8], "little") for p in compiled} == {0b01}  # PEP 552: unchecked
    else:
        assert compiled == []


def test_the_core_layer_puts_panacea_under_python(tmp_path: Path):
    # When the core layer is bundled
    bundling.CopyFiles([(bundling.CORE_DIR, "python/panacea")]).try_bundle(str(tmp_path), image=IMAGE)
    # Then Lambda finds the shared library on its path (/opt/python)
    assert "python/panacea/platform/settings.py" in _tree(tmp_path)


def test_the_deps_layer_leaves_out_what_the_runtime_provides(tmp_path: Path):
    # Given a pip target with botocore (runtime-provided) and pydantic (not) installed
    target = tmp_path / "python"
    for name, version, module in (("botocore", "1.0", "botocore"), ("pydantic", "2.0", "pydantic")):
        (target / module).mkdir(parents=True)
        (target / module / "__init__.py").write_text("")
        info = target / f"{name}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
        (info / "RECORD").write_text(
            f"{module}/__init__.py,,\n{info.name}/METADATA,,\n{info.name}/RECORD,,\n../../bin/outside,,\n"
        )
    (tmp_path / "outside").write_text("must survive")
    # When the runtime-provided distributions are removed
    bundling._remove_runtime_provided(target)
    # Then botocore is gone entirely, pydantic stays, and nothing outside the target is touched
    assert _tree(target) == {"pydantic/__init__.py", "pydantic-2.0.dist-info/METADATA", "pydantic-2.0.dist-info/RECORD"}
    assert (tmp_path / "outside").exists()


def test_an_asset_changes_only_when_its_own_files_change(tmp_path: Path):
    # Given two contexts' sources and their fingerprints
    for context in ("orders", "care"):
        (tmp_path / context).mkdir()
        (tmp_path / context / "api.py").write_text("app = None\n")
    orders, care = tmp_path / "orders", tmp_path / "care"
    before = {d: bundling.fingerprint("functions", [d], root=tmp_path) for d in (orders, care)}
    assert before[orders] != before[care]
    # When a file of one context changes, and a compiled file appears in the other
    (orders / "api.py").write_text("app = 1\n")
    (care / "__pycache__").mkdir()
    (care / "__pycache__" / "api.cpython-312.pyc").write_bytes(b"compiled")
    # Then only the changed context's fingerprint changes
    assert bundling.fingerprint("functions", [orders], root=tmp_path) != before[orders]
    assert bundling.fingerprint("functions", [care], root=tmp_path) == before[care]
