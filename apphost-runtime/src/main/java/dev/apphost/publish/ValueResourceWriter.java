package dev.apphost.publish;

import dev.apphost.model.ConnectionStringResource;
import dev.apphost.model.GeneratedDefault;
import dev.apphost.model.ParameterResource;
import dev.apphost.model.ValueExpression;

/**
 * Writes the resources that are only values: parameters ({@code parameter.v0}), composed connection
 * strings ({@code value.v0}) and Aspire 13's URI-encoded parameter values ({@code annotated.string}).
 */
final class ValueResourceWriter {

    private ValueResourceWriter() {
    }

    /**
     * {@code type}, {@code connectionString} (connection-string parameters only), {@code value},
     * {@code inputs.value} {type, secret?, default? ({@code value} when published as default, else
     * {@code generate})}.
     */
    static void writeParameter(ManifestContext context, ParameterResource parameter) {
        JsonWriter json = context.json();
        String name = parameter.name();
        json.property("type", "parameter.v0");
        if (parameter.isConnectionString()) {
            json.property("connectionString", "{" + name + ".value}");
        }
        json.property("value", "{" + name + ".inputs.value}");
        json.beginObject("inputs").beginObject("value");
        json.property("type", "string");
        if (parameter.secret()) {
            json.property("secret", true);
        }
        if (parameter.publishValueAsDefault() && parameter.defaultValue() != null) {
            json.beginObject("default").property("value", parameter.defaultValue()).endObject();
        } else if (parameter.generate() != null) {
            json.beginObject("default");
            writeGenerate(json, parameter.generate());
            json.endObject();
        }
        json.endObject().endObject();
    }

    /** Aspire's {@code GenerateParameterDefault}: flags only when false, minimums only when non-zero. */
    static void writeGenerate(JsonWriter json, GeneratedDefault generate) {
        json.beginObject("generate");
        json.property("minLength", generate.minLength());
        flag(json, "lower", generate.lower());
        flag(json, "upper", generate.upper());
        flag(json, "numeric", generate.numeric());
        flag(json, "special", generate.special());
        minimum(json, "minLower", generate.minLower());
        minimum(json, "minUpper", generate.minUpper());
        minimum(json, "minNumeric", generate.minNumeric());
        minimum(json, "minSpecial", generate.minSpecial());
        json.endObject();
    }

    /** {@code type}, {@code connectionString}. */
    static void writeConnectionString(ManifestContext context, ConnectionStringResource resource) {
        context.json().property("type", "value.v0");
        context.valueProperty("connectionString", resource.connectionString());
    }

    /** {@code <param>-uri-encoded}: {@code type}, {@code value} = {@code {param.value}}, {@code filter} = {@code uri}. */
    static void writeUriEncoded(ManifestContext context, ParameterResource parameter) {
        JsonWriter json = context.json();
        json.beginObject(new ValueExpression.UriEncodedParameterValue(parameter.name()).encodedResourceName());
        json.property("type", "annotated.string");
        context.valueProperty("value", new ValueExpression.ParameterValue(parameter.name()));
        json.property("filter", "uri");
        json.endObject();
    }

    private static void flag(JsonWriter json, String name, boolean value) {
        if (!value) {
            json.property(name, false);
        }
    }

    private static void minimum(JsonWriter json, String name, int value) {
        if (value != 0) {
            json.property(name, value);
        }
    }
}
