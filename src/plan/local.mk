# src/plan: the plan document (JSON) and its exports.
