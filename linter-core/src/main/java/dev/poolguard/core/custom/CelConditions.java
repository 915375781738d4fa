package dev.poolguard.core.custom;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelErrorCode;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles conditions with CEL (cel-java). The only class that names CEL types: it is loaded only
 * when a {@code poolguard.yaml} declares custom rules, so other runs never pay for CEL's classes.
 */
final class CelConditions {

  private CelConditions() {}

  /**
   * Comprehension steps ({@code all}, {@code exists}, {@code map}, {@code filter}, nested or not)
   * one evaluation may take, counted together: CEL's own iteration budget.
   */
  static final int MAX_ITERATIONS = 10_000;

  /** Wall-clock time one evaluation may take, checked after every sub-expression. */
  static final long MAX_EVALUATION_MILLIS = 2_000;

  /** A problem in an expression, at a 1-based line and column of the expression text. */
  record Problem(int line, int column, String message) {}

  /** The compiled condition, or the problems that stop it compiling. */
  record Compiled(Condition condition, List<Selection> selections, List<Problem> problems) {}

  /** A field read on one of the variables, {@code pool.maximumPoolSize}: checked by the caller. */
  record Selection(String variable, String field, int line, int column) {}

  private static final class Holder {
    static final CelCompiler COMPILER =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar(Variables.SERVICE, MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar(Variables.POOL, MapType.create(SimpleType.STRING, SimpleType.DYN))
            .setResultType(SimpleType.BOOL)
            .build();
    static final CelRuntime RUNTIME =
        CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(CelOptions.current().comprehensionMaxIterations(MAX_ITERATIONS).build())
            .build();
  }

  static Compiled compile(String expression) {
    CelAbstractSyntaxTree ast;
    try {
      ast = Holder.COMPILER.compile(expression).getAst();
    } catch (CelValidationException e) {
      List<Problem> problems = new ArrayList<>();
      for (CelIssue issue : e.getErrors()) {
        problems.add(
            new Problem(
                issue.getSourceLocation().getLine(),
                issue.getSourceLocation().getColumn() + 1,
                issue.getMessage()));
      }
      return new Compiled(null, List.of(), problems);
    }
    List<Selection> selections = new ArrayList<>();
    CelNavigableAst.fromAst(ast)
        .getRoot()
        .allNodes()
        .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.SELECT)
        .forEach(
            n -> {
              CelExpr.CelSelect select = n.expr().select();
              CelExpr operand = select.operand();
              if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT) {
                int offset = ast.getSource().getPositionsMap().getOrDefault(n.id(), 0);
                var at = ast.getSource().getOffsetLocation(offset);
                selections.add(
                    new Selection(
                        operand.ident().name(),
                        select.field(),
                        at.map(l -> l.getLine()).orElse(1),
                        at.map(l -> l.getColumn() + 1).orElse(1)));
              }
            });
    CelRuntime.Program program;
    try {
      program = Holder.RUNTIME.createProgram(ast);
    } catch (CelEvaluationException e) {
      return new Compiled(null, List.of(), List.of(new Problem(1, 1, e.getMessage())));
    }
    return new Compiled(variables -> evaluate(program, variables), selections, List.of());
  }

  private static boolean evaluate(CelRuntime.Program program, java.util.Map<String, Object> vars)
      throws Condition.Failure {
    Clock clock = new Clock(System.nanoTime() + MAX_EVALUATION_MILLIS * 1_000_000L);
    try {
      return Boolean.TRUE.equals(program.trace(vars, (expr, value) -> clock.check()));
    } catch (CelEvaluationException e) {
      if (clock.expired || e.getCause() instanceof OutOfTime) {
        throw Condition.Failure.overBudget("took longer than " + MAX_EVALUATION_MILLIS + " ms", e);
      }
      if (e.getErrorCode() == CelErrorCode.ITERATION_BUDGET_EXCEEDED) {
        throw Condition.Failure.overBudget(
            "took more than " + MAX_ITERATIONS + " comprehension steps", e);
      }
      throw new Condition.Failure(
          e.getMessage(), e.getErrorCode() == CelErrorCode.ATTRIBUTE_NOT_FOUND, e);
    } catch (OutOfTime e) {
      throw Condition.Failure.overBudget("took longer than " + MAX_EVALUATION_MILLIS + " ms", e);
    }
  }

  /** The deadline of one evaluation; CEL calls {@link #check} after every sub-expression. */
  private static final class Clock {
    private final long deadline;
    private int calls;
    boolean expired;

    Clock(long deadline) {
      this.deadline = deadline;
    }

    void check() {
      // Reading the clock costs more than most sub-expressions: look every 256 calls.
      if ((++calls & 0xFF) == 0 && System.nanoTime() - deadline > 0) {
        expired = true;
        throw new OutOfTime();
      }
    }
  }

  private static final class OutOfTime extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfTime() {
      super("evaluation deadline passed", null, false, false);
    }
  }
}
