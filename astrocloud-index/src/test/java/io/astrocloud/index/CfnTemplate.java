package io.astrocloud.index;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The repository's template.yaml, read with SnakeYAML as CloudFormation reads it: the short tags
 * ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, {@code !If}, ...) become their long forms
 * ({@code {"Ref": ...}}, {@code {"Fn::GetAtt": [resource, attribute]}}, ...), so tests can walk
 * the template as plain maps.
 */
public final class CfnTemplate {
    private static final String[] FUNCTIONS = {"Base64", "Cidr", "Equals", "FindInMap", "GetAZs", "If", "ImportValue",
        "Join", "Not", "And", "Or", "Select", "Split", "Sub", "Condition"};

    private final Map<String, Object> doc;

    private CfnTemplate(Map<String, Object> doc) {
        this.doc = doc;
    }

    /** The template at the repository root. */
    public static CfnTemplate load() throws IOException {
        Path file = repositoryRoot().resolve("template.yaml");
        try (Reader in = Files.newBufferedReader(file)) {
            return new CfnTemplate(new Yaml(new CfnConstructor()).load(in));
        }
    }

    /** The repository root (the folder holding template.yaml above the working directory). */
    public static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("template.yaml"))) {
                return d;
            }
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public Map<String, Object> root() {
        return doc;
    }

    public Map<String, Object> resources() {
        return map(doc, "Resources");
    }

    public Map<String, Object> resource(String name) {
        return map(resources(), name);
    }

    public Map<String, Object> properties(String resource) {
        return map(resource(resource), "Properties");
    }

    /** Resources of {@code type}, by logical id. */
    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(((Map<?, ?>) r).get("Type"))) {
                found.put(id, map(resources(), id));
            }
        });
        return found;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object parent, String key) {
        Object v = ((Map<String, Object>) parent).get(key);
        if (!(v instanceof Map)) {
            throw new AssertionError("template: no map at " + key);
        }
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object parent, String key) {
        Object v = ((Map<String, Object>) parent).get(key);
        return v instanceof List ? (List<Object>) v : List.of();
    }

    /** Turns short-form intrinsic functions into long-form maps. */
    private static final class CfnConstructor extends SafeConstructor {
        CfnConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!GetAtt"), new Intrinsic("Fn::GetAtt"));
            for (String f : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + f), new Intrinsic(f.equals("Condition") ? f : "Fn::" + f));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode) {
                    String s = constructScalar((ScalarNode) node);
                    value = name.equals("Fn::GetAtt") ? List.of(s.split("\\.", 2)) : s;
                } else if (node instanceof SequenceNode) {
                    value = new ArrayList<>(constructSequence((SequenceNode) node));
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(name, value);
                return m;
            }
        }
    }
}
