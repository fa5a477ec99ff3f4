package dev.orderflow.states.internal.model;

/** The two query languages a state can use (AWS docs "Transforming data with JSONata"). */
public enum QueryLanguage {
    JSONPATH("JSONPath"),
    JSONATA("JSONata");

    private final String aslName;

    QueryLanguage(String aslName) {
        this.aslName = aslName;
    }

    /** The spelling used in ASL's {@code QueryLanguage} field. */
    public String aslName() {
        return aslName;
    }

    /** Parses the ASL spelling, or returns null when unknown. */
    public static QueryLanguage fromAsl(String text) {
        for (QueryLanguage q : values()) {
            if (q.aslName.equals(text)) {
                return q;
            }
        }
        return null;
    }
}
