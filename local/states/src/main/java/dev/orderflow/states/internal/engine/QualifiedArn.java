package dev.orderflow.states.internal.engine;

import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.exec.Arns;

/**
 * A state machine ARN with an optional qualifier: {@code ...:stateMachine:<name>} (none), {@code
 * ...:stateMachine:<name>:<number>} (a version) or {@code ...:stateMachine:<name>:<alias>} (an
 * alias; AWS alias names always hold a character that is not a digit).
 */
record QualifiedArn(String machineArn, String qualifier) {

    static QualifiedArn parse(String arn) {
        if (arn != null) {
            String[] p = arn.split(":", -1);
            if (p.length == 8 && !p[7].isEmpty()) {
                String machine = arn.substring(0, arn.lastIndexOf(':'));
                Arns.checkStateMachineArn(machine);
                return new QualifiedArn(machine, p[7]);
            }
        }
        Arns.checkStateMachineArn(arn);
        return new QualifiedArn(arn, null);
    }

    boolean isVersion() {
        return qualifier != null && qualifier.chars().allMatch(Character::isDigit);
    }

    boolean isAlias() {
        return qualifier != null && !isVersion();
    }

    int versionNumber() {
        try {
            return Integer.parseInt(qualifier);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static StepFunctionsException invalid(String arn) {
        return new StepFunctionsException(
                "InvalidArn",
                "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
    }
}
