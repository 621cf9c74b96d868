"""The Qt-free domain model: entities, change sets, invariants and edits."""
