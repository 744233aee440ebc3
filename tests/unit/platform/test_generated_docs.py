from infra import catalogue


def test_the_event_catalogue_and_workflow_diagrams_match_the_code():
    # When the docs are generated from the event models, the wiring and the ASL files
    # Then they are what is committed (run `make docs` after changing an event or a workflow)
    assert catalogue.main(["--check"]) == 0
