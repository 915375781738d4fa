package dev.poolguard.rules.library;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver whose connections accept everything, so a real HikariCP pool can start in a test
 * without a database. Public with a public constructor because {@code driver-class-name}
 * instantiates it by name.
 */
public final class FakeJdbcDriver implements Driver {

  static final String URL = "jdbc:poolguard-fake:db";

  private static final FakeJdbcDriver INSTANCE = new FakeJdbcDriver();

  public FakeJdbcDriver() {}

  static void register() throws SQLException {
    DriverManager.registerDriver(INSTANCE);
  }

  static void deregister() throws SQLException {
    DriverManager.deregisterDriver(INSTANCE);
  }

  @Override
  public Connection connect(String url, Properties info) {
    if (!acceptsURL(url)) {
      return null;
    }
    return (Connection)
        Proxy.newProxyInstance(
            FakeJdbcDriver.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "isValid" -> {
                  return true;
                }
                case "equals" -> {
                  return proxy == args[0];
                }
                case "hashCode" -> {
                  return System.identityHashCode(proxy);
                }
                case "toString" -> {
                  return "FakeJdbcConnection";
                }
                default -> {
                  // every other method: the zero of its return type
                }
              }
              Class<?> type = method.getReturnType();
              if (type == boolean.class) {
                return false;
              }
              if (type == int.class) {
                return 0;
              }
              if (type == long.class) {
                return 0L;
              }
              return null;
            });
  }

  @Override
  public boolean acceptsURL(String url) {
    return url.startsWith("jdbc:poolguard-fake:");
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger(FakeJdbcDriver.class.getName());
  }
}
