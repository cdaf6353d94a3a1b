package dev.apphost.containers;

/** Which container output stream a log line came from. */
public enum LogStream { STDOUT, STDERR }
