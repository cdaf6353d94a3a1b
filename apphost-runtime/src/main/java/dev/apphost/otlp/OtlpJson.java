package dev.apphost.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * OTLP/JSON: the protobuf JSON mapping, except that trace and span ids are hex strings (not base64)
 * and enums may be numbers. The ids are rewritten to base64, then {@link JsonFormat} parses the rest.
 */
final class OtlpJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId", "trace_id", "span_id",
            "parent_span_id");
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

    private OtlpJson() {
    }

    static void merge(byte[] body, Message.Builder builder) throws IOException {
        JsonNode tree = MAPPER.readTree(body);
        rewriteIds(tree);
        try {
            PARSER.merge(MAPPER.writeValueAsString(tree), builder);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("Invalid OTLP/JSON: " + e.getMessage(), e);
        }
    }

    private static void rewriteIds(JsonNode node) throws IOException {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (ID_FIELDS.contains(field.getKey()) && field.getValue().isTextual()) {
                    String hex = field.getValue().asText();
                    try {
                        field.setValue(object.textNode(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex))));
                    } catch (IllegalArgumentException e) {
                        throw new IOException("Invalid OTLP/JSON: " + field.getKey() + " '" + hex + "' is not hex.", e);
                    }
                } else {
                    rewriteIds(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                rewriteIds(element);
            }
        }
    }
}
