package io.astrocloud.samples;

/** The two ways each sample route is written: the same route in Camel's Java DSL and YAML DSL. */
public enum RouteDsl {
    /** A {@code RouteBuilder} class. */
    JAVA,
    /** A YAML file on the class path, as Camel JBang or camel-main load it. */
    YAML
}
