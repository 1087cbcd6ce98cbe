package dev.attnbench;

/**
 * Bad input from the user (a flag value, a config file, a missing GPU for {@code --backend cuda}).
 * The CLI prints the message as one line and exits with code 2; the message names the bad value and
 * what is allowed.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
