package dev.apphost;

import dev.apphost.model.ValueExpression;
import java.util.Arrays;

/**
 * A string made of literals and deferred values, like Aspire's {@code ReferenceExpression}:
 *
 * <pre>{@code
 * var sql = builder.addContainer("sql", "mcr.microsoft.com/mssql/server", "2022-latest")
 *                  .withEndpoint(1433, 1433, "tcp", "tcp", null);
 * var rows = builder.addParameter("insertionrows");
 * builder.addConnectionString("cs",
 *         ReferenceExpression.of("sql=", sql.getEndpoint("tcp"), ";rows=", rows));
 * }</pre>
 */
public final class ReferenceExpression implements ValueSource {

    private final ValueExpression expression;

    private ReferenceExpression(ValueExpression expression) {
        this.expression = expression;
    }

    /** Parts are strings (taken literally) or {@link ValueSource}s, joined in order. */
    public static ReferenceExpression of(Object... parts) {
        return new ReferenceExpression(ValueExpression.concat(
                Arrays.stream(parts).map(ReferenceExpression::toExpression).toArray(ValueExpression[]::new)));
    }

    static ValueExpression toExpression(Object part) {
        if (part instanceof ValueSource source) {
            return source.valueExpression();
        }
        if (part instanceof ValueExpression expression) {
            return expression;
        }
        if (part == null) {
            throw new IllegalArgumentException("A reference expression part is null.");
        }
        return ValueExpression.literal(part.toString());
    }

    @Override
    public ValueExpression valueExpression() {
        return expression;
    }
}
