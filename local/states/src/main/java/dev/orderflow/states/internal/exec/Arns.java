package dev.orderflow.states.internal.exec;

import dev.orderflow.states.StateMachineType;
import dev.orderflow.states.StepFunctionsException;
import java.util.regex.Pattern;

/** ARN and name rules (AWS API reference: CreateStateMachine "name", StartExecution "name"). */
public final class Arns {
    private static final Pattern BAD_NAME =
            Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]");

    private static final Pattern ROLE_ARN = Pattern.compile("arn:[a-z-]+:iam::[0-9]*:role/\\S+");

    private Arns() {}

    /** Throws InvalidName unless {@code name} is a valid resource name. */
    public static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 80 || BAD_NAME.matcher(name).find()) {
            throw new StepFunctionsException("InvalidName", "Invalid Name: '" + name + "'");
        }
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
        String[] p = stateMachineArn.split(":");
        String kind = type == StateMachineType.EXPRESS ? "express" : "execution";
        return "arn:aws:states:" + p[3] + ":" + p[4] + ":" + kind + ":" + p[6] + ":" + name;
    }

    /** Throws InvalidArn unless {@code arn} is a state machine ARN. */
    public static void checkStateMachineArn(String arn) {
        String[] p = arn == null ? new String[0] : arn.split(":");
        if (p.length != 7
                || !p[0].equals("arn")
                || !p[2].equals("states")
                || !p[5].equals("stateMachine")) {
            throw new StepFunctionsException(
                    "InvalidArn",
                    "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
        }
    }

    /**
     * Throws InvalidArn unless {@code arn} is an execution ARN ({@code ...:execution:sm:name}, or
     * {@code ...:express:sm:name:id} for Express executions).
     */
    public static void checkExecutionArn(String arn) {
        String[] p = arn == null ? new String[0] : arn.split(":");
        boolean express = p.length == 9 && p[5].equals("express");
        if ((p.length != 8 && !express)
                || !p[0].equals("arn")
                || !p[2].equals("states")
                || !(p[5].equals("execution") || p[5].equals("express"))) {
            throw new StepFunctionsException(
                    "InvalidArn",
                    "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
        }
    }
}
