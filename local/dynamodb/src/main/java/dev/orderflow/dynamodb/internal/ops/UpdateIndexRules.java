package dev.orderflow.dynamodb.internal.ops;

import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.expr.UpdateExpression;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * What DynamoDB checks of an update expression against the table's indexes before it reads the
 * item: an index key set to a value whose type is already known (a placeholder, arithmetic,
 * list_append, ADD) must have the key's type, and no path may reach into a key attribute.
 */
final class UpdateIndexRules {
    private UpdateIndexRules() {}

    static void check(TableDefinition def, UpdateExpression update) {
        for (boolean global : new boolean[] {true, false}) {
            for (IndexDefinition index : def.indexes()) {
                if (index.global() != global) {
                    continue;
                }
                for (String attr : new String[] {index.key().hash(), index.key().range()}) {
                    if (attr != null) {
                        checkType(def, index, attr, update);
                    }
                }
            }
        }
        Keys.rejectNestedKeyPaths(def, paths(update));
    }

    private static void checkType(
            TableDefinition def, IndexDefinition index, String attr, UpdateExpression update) {
        String expected = def.attributeTypes().get(attr);
        for (UpdateExpression.SetAction set : update.sets()) {
            if (isTopLevel(set.path(), attr)) {
                mismatch(index, attr, expected, knownType(set.value()));
            }
        }
        for (UpdateExpression.AddAction add : update.adds()) {
            if (isTopLevel(add.path(), attr)) {
                mismatch(index, attr, expected, add.value().value().typeTag());
            }
        }
    }

    private static void mismatch(
            IndexDefinition index, String attr, String expected, String actual) {
        if (actual != null && !actual.equals(expected)) {
            throw Keys.indexKeyMismatch(attr, expected, actual, index.name());
        }
    }

    /** The type a SET value has before the item is read, or null when it depends on the item. */
    private static String knownType(Operand value) {
        if (value instanceof Operand.Value v) {
            return v.value().typeTag();
        }
        if (value instanceof Operand.Arithmetic) {
            return "N";
        }
        if (value instanceof Operand.ListAppend) {
            return "L";
        }
        return null;
    }

    private static boolean isTopLevel(Operand.Path path, String attr) {
        return path.elements().size() == 1 && path.topName().equals(attr);
    }

    /** Every path the update writes or reads. */
    private static List<Operand.Path> paths(UpdateExpression update) {
        List<Operand.Path> paths = new ArrayList<>(update.allPaths());
        update.sets().forEach(set -> operandPaths(set.value(), paths));
        return paths;
    }

    private static void operandPaths(Operand o, List<Operand.Path> out) {
        if (o instanceof Operand.Path p) {
            out.add(p);
        } else if (o instanceof Operand.Arithmetic a) {
            operandPaths(a.left(), out);
            operandPaths(a.right(), out);
        } else if (o instanceof Operand.ListAppend la) {
            operandPaths(la.first(), out);
            operandPaths(la.second(), out);
        } else if (o instanceof Operand.IfNotExists ine) {
            out.add(ine.path());
            operandPaths(ine.fallback(), out);
        }
    }
}
