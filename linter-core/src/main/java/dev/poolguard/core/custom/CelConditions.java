package dev.poolguard.core.custom;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelErrorCode;
import dev.cel.common.CelIssue;
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
    static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
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
    Condition condition =
        variables -> {
          try {
            return Boolean.TRUE.equals(program.eval(variables));
          } catch (CelEvaluationException e) {
            throw new Condition.Failure(
                e.getMessage(), e.getErrorCode() == CelErrorCode.ATTRIBUTE_NOT_FOUND, e);
          }
        };
    return new Compiled(condition, selections, List.of());
  }
}
