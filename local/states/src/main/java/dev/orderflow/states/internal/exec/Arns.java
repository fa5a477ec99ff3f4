package dev.orderflow.states.internal.exec;

import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.model.Quotas;
import java.util.regex.Pattern;

/** ARN and name rules (AWS API reference: CreateStateMachine "name", StartExecution "name"). */
public final class Arns {
    private static final Pattern BAD_NAME =
            Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]");

    private static final Pattern ROLE_ARN = Pattern.compile("arn:[a-z-]+:iam::[0-9]*:role/\\S+");

    private Arns() {}

    /** Throws InvalidName unless {@code name} is a valid resource name. */
    public static void checkName(String name) {
        if (name == null
                || name.isEmpty()
                || name.length() > Quotas.NAME_LENGTH
                || hasBadChar(name)) {
            throw new StepFunctionsException("InvalidName", "Invalid Name: '" + name + "'");
        }
    }

    /** The characters {@link #BAD_NAME} rejects, tested without a regex for ASCII names. */
    private static boolean hasBadChar(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return BAD_NAME.matcher(name).find();
            }
            if (c <= 0x20 || c == 0x7f || "<>{}[]?*\"#%\\^|~`$&,;:/".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Throws InvalidArn unless {@code roleArn} is an IAM role ARN (AWS API reference:
     * CreateStateMachine and UpdateStateMachine list InvalidArn for a malformed {@code roleArn}).
     */
    public static void checkRoleArn(String roleArn) {
        if (roleArn != null && !ROLE_ARN.matcher(roleArn).matches()) {
            throw new StepFunctionsException(
                    "InvalidArn", "Invalid Arn: 'Not a valid IAM role ARN: " + roleArn + "'");
        }
    }

    /** The state machine ARN for a name. */
    public static String stateMachine(String region, String account, String name) {
        return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
    }

    /** The execution ARN for a state machine and execution name. */
    public static String execution(String stateMachineArn, StateMachineType type, String name) {
        return executionPrefix(stateMachineArn, type) + name;
    }

    /**
     * {@code arn:aws:states:<region>:<account>:<execution|express>:<machine>:}, to which an
     * execution name is appended; computed once per state machine.
     */
    public static String executionPrefix(String stateMachineArn, StateMachineType type) {
        int kindStart = nthColon(stateMachineArn, 5) + 1;
        int kindEnd = stateMachineArn.indexOf(':', kindStart);
        String kind = type == StateMachineType.EXPRESS ? "express" : "execution";
        return stateMachineArn.substring(0, kindStart)
                + kind
                + stateMachineArn.substring(kindEnd)
                + ":";
    }

    private static int nthColon(String s, int n) {
        int at = -1;
        for (int i = 0; i < n && (at = s.indexOf(':', at + 1)) >= 0; i++) {
            // advance to the n-th colon
        }
        return at;
    }

    /** Throws InvalidArn unless {@code arn} is a state machine ARN. */
    public static void checkStateMachineArn(String arn) {
        String[] p = parts(arn);
        if (p.length != 7
                || !p[0].equals("arn")
                || !p[2].equals("states")
                || !p[5].equals("stateMachine")) {
            throw invalidArn(arn);
        }
    }

    /**
     * Throws InvalidArn unless {@code arn} is an execution ARN ({@code ...:execution:sm:name}, or
     * {@code ...:express:sm:name:id} for Express executions).
     */
    public static void checkExecutionArn(String arn) {
        String[] p = parts(arn);
        boolean express = p.length == 9 && p[5].equals("express");
        if ((p.length != 8 && !express)
                || !p[0].equals("arn")
                || !p[2].equals("states")
                || !(p[5].equals("execution") || p[5].equals("express"))) {
            throw invalidArn(arn);
        }
    }

    private static StepFunctionsException invalidArn(String arn) {
        return new StepFunctionsException(
                "InvalidArn",
                "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
    }

    /**
     * {@code arn.split(":")} for what the checks read: the count, segments 0, 2 and 5 (the others
     * are not copied out, they are empty strings here).
     */
    private static String[] parts(String arn) {
        if (arn == null) {
            return new String[0];
        }
        if (arn.endsWith(":") || arn.length() > 2048) {
            return arn.split(":");
        }
        int colons = 0;
        int c0 = -1;
        int c1 = -1;
        int c2 = -1;
        int c4 = -1;
        int c5 = -1;
        for (int i = arn.indexOf(':'); i >= 0; i = arn.indexOf(':', i + 1)) {
            switch (colons++) {
                case 0 -> c0 = i;
                case 1 -> c1 = i;
                case 2 -> c2 = i;
                case 4 -> c4 = i;
                case 5 -> c5 = i;
                default -> {
                    // only segments 0, 2 and 5 are compared
                }
            }
        }
        String[] p = new String[colons + 1];
        java.util.Arrays.fill(p, "");
        p[0] = c0 < 0 ? arn : arn.substring(0, c0);
        if (c2 >= 0) {
            p[2] = arn.substring(c1 + 1, c2);
        }
        if (c5 >= 0) {
            p[5] = arn.substring(c4 + 1, c5);
        } else if (c4 >= 0) {
            p[5] = arn.substring(c4 + 1);
        }
        return p;
    }
}
