namespace Marketplace.Files;

/// <summary>
/// The store could not be reached or refused the request (an S3 server down, a timeout, a bad credential): nothing was
/// stored. Reading the caller's content failing (a client gone) is not this: that exception propagates as it is.
/// </summary>
public sealed class FileStoreUnavailableException(string message, Exception innerException) : Exception(message, innerException);
