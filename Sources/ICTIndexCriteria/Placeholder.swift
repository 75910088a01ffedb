public enum CriteriaPlaceholder {}
