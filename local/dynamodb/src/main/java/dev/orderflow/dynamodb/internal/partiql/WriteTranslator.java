package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates INSERT, UPDATE, DELETE and EXISTS into the item operations DynamoDB runs for them
 * ("PartiQL insert/update/delete statements", Developer Guide):
 *
 * <ul>
 *   <li>INSERT is a PutItem that must not find the key (else DuplicateItemException);
 *   <li>UPDATE is an UpdateItem of an item that must exist (an UPDATE of a missing item fails with
 *       ConditionalCheckFailedException), the WHERE terms beyond the key being its condition;
 *   <li>DELETE is a DeleteItem; the WHERE terms beyond the key must hold only when the item exists
 *       (deleting a missing item succeeds);
 *   <li>EXISTS (ExecuteTransaction only) is a ConditionCheck that the item exists and matches.
 * </ul>
 */
final class WriteTranslator {
    private WriteTranslator() {}

    /** The operation and its request body. */
    record Write(String operation, ObjectNode body, Pql.Statement statement) {}

    static Write translate(Pql.Statement s, KeySchema key) {
        if (s instanceof Pql.Insert i) {
            return insert(i, key);
        }
        if (s instanceof Pql.Update u) {
            return update(u, key);
        }
        if (s instanceof Pql.Delete d) {
            return delete(d, key);
        }
        if (s instanceof Pql.Exists e) {
            return exists(e, key);
        }
        throw new IllegalArgumentException("not a write: " + s);
    }

    private static Write insert(Pql.Insert s, KeySchema key) {
        ObjectNode body = body(s.table());
        body.set("Item", s.item());
        ExpressionText text = new ExpressionText();
        body.put("ConditionExpression", "attribute_not_exists(" + text.name(key.hash()) + ")");
        text.addTo(body);
        return new Write("PutItem", body, s);
    }

    private static Write update(Pql.Update s, KeySchema key) {
        WhereClause.ItemKey target = WhereClause.itemKey(s.where(), key);
        ObjectNode body = body(s.table());
        body.set("Key", target.key());
        ExpressionText text = new ExpressionText();
        body.put("UpdateExpression", updateExpression(s.actions(), text));
        String exists = "attribute_exists(" + text.name(key.hash()) + ")";
        String rest = text.conjunction(target.rest());
        body.put("ConditionExpression", rest == null ? exists : exists + " AND " + rest);
        text.addTo(body);
        if (s.returning() != null) {
            body.put("ReturnValues", s.returning().returnValues);
        }
        return new Write("UpdateItem", body, s);
    }

    private static String updateExpression(List<Pql.Action> actions, ExpressionText text) {
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        List<String> add = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        for (Pql.Action a : actions) {
            if (a instanceof Pql.Remove r) {
                remove.add(text.path(r.path()));
            } else if (a instanceof Pql.Set st) {
                String path = text.path(st.path());
                if (st.value() instanceof Pql.Call c && c.function().startsWith("set_")) {
                    setFunction(
                            c,
                            st.path(),
                            path,
                            text,
                            c.function().equals("set_add") ? add : delete);
                } else {
                    set.add(path + " = " + text.operand(st.value()));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        section(sb, "SET", set);
        section(sb, "REMOVE", remove);
        section(sb, "ADD", add);
        section(sb, "DELETE", delete);
        return sb.toString();
    }

    /**
     * {@code SET a = set_add(a, <<...>>)} is ADD, {@code set_delete} is DELETE; the first argument
     * must be the assigned path and the second a set (DynamoDB's rules for these functions).
     */
    private static void setFunction(
            Pql.Call c, Pql.Path target, String path, ExpressionText text, List<String> into) {
        String upper = c.function().substring(4).toUpperCase(java.util.Locale.ROOT);
        if (c.args().size() != 2) {
            throw PartiqlErrors.validation("SET_" + upper + " must have exactly two arguments");
        }
        if (!target.equals(c.args().get(0))) {
            throw PartiqlErrors.validation(
                    "The first argument to SET_" + upper + " must equal the assignment value");
        }
        if (!(c.args().get(1) instanceof Pql.Value v)
                || !(v.attribute().has("SS")
                        || v.attribute().has("NS")
                        || v.attribute().has("BS"))) {
            throw PartiqlErrors.validation(
                    "The second argument to SET_" + upper + " must be a value with type SET");
        }
        into.add(path + " " + text.value(v.attribute()));
    }

    private static void section(StringBuilder sb, String keyword, List<String> parts) {
        if (!parts.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(keyword).append(' ').append(String.join(", ", parts));
        }
    }

    private static Write delete(Pql.Delete s, KeySchema key) {
        WhereClause.ItemKey target = WhereClause.itemKey(s.where(), key);
        ObjectNode body = body(s.table());
        body.set("Key", target.key());
        ExpressionText text = new ExpressionText();
        String rest = text.conjunction(target.rest(), 1);
        if (rest != null) {
            body.put(
                    "ConditionExpression",
                    "attribute_not_exists(" + text.name(key.hash()) + ") OR " + rest);
        }
        text.addTo(body);
        if (s.returning() != null) {
            body.put("ReturnValues", "ALL_OLD");
        }
        return new Write("DeleteItem", body, s);
    }

    private static Write exists(Pql.Exists s, KeySchema key) {
        if (s.select().index() != null) {
            throw PartiqlErrors.validation(
                    "Operations on indices are not supported in transactions");
        }
        WhereClause.ItemKey target;
        try {
            target = WhereClause.itemKey(s.select().where(), key);
        } catch (dev.orderflow.dynamodb.internal.error.ApiException e) {
            throw PartiqlErrors.validation(
                    "EXISTS() must contain a single item read with additional condition");
        }
        ObjectNode body = body(s.table());
        body.set("Key", target.key());
        ExpressionText text = new ExpressionText();
        String exists = "attribute_exists(" + text.name(key.hash()) + ")";
        String rest = text.conjunction(target.rest());
        body.put("ConditionExpression", rest == null ? exists : exists + " AND " + rest);
        text.addTo(body);
        return new Write("ConditionCheck", body, s);
    }

    private static ObjectNode body(String table) {
        return JsonNodeFactory.instance.objectNode().put("TableName", table);
    }
}
