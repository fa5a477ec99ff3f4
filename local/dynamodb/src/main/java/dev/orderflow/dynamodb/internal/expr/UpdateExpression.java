package dev.orderflow.dynamodb.internal.expr;

import java.util.List;

/** A parsed update expression: the actions of its SET, REMOVE, ADD and DELETE sections. */
public record UpdateExpression(
        List<SetAction> sets,
        List<Operand.Path> removes,
        List<AddAction> adds,
        List<AddAction> deletes,
        List<String> sectionOrder) {

    public UpdateExpression {
        sets = List.copyOf(sets);
        removes = List.copyOf(removes);
        adds = List.copyOf(adds);
        deletes = List.copyOf(deletes);
        sectionOrder = List.copyOf(sectionOrder);
    }

    /** Every path the expression writes, in the order they were written (for overlap checks). */
    public java.util.List<Operand.Path> allPaths() {
        java.util.List<Operand.Path> all = new java.util.ArrayList<>();
        for (String section : sectionOrder) {
            switch (section) {
                case "SET" -> sets.forEach(s -> all.add(s.path()));
                case "REMOVE" -> all.addAll(removes);
                case "ADD" -> adds.forEach(a -> all.add(a.path()));
                default -> deletes.forEach(d -> all.add(d.path()));
            }
        }
        return all;
    }

    /** {@code SET path = value}. */
    public record SetAction(Operand.Path path, Operand value) {}

    /** {@code ADD path :v} or {@code DELETE path :v}. */
    public record AddAction(Operand.Path path, Operand.Value value) {}
}
