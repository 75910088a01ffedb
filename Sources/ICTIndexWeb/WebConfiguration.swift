/// How `ictindex serve` runs: where it listens, how sessions and uploads behave, which criteria it scores with.
public struct WebConfiguration: Sendable {
    /// The address to listen on (default 127.0.0.1: a LAN server is put behind the department's proxy).
    public var host: String
    public var port: Int
    /// Adds `Secure` to the session cookie (when the server is reached over HTTPS).
    public var secureCookies: Bool
    /// The bcrypt cost of new password hashes (at least 10 in production; tests may use 4).
    public var bcryptCost: UInt8
    /// How long a session lasts, in seconds.
    public var sessionLifetime: Int
    /// Failed sign-ins allowed per user name within ``loginWindow`` seconds; ten times as many per client
    /// address (an office behind one NAT address is many people).
    public var loginAttempts: Int
    public var loginWindow: Int
    /// The largest evidence file accepted, in bytes.
    public var maxUploadBytes: Int
    /// The criteria file the "run" button scores with; nil: the criteria last used for the period (or any period).
    public var frameworkPath: String?
    /// Addresses of reverse proxies whose `X-Forwarded-For` header names the client (for sign-in limits and the
    /// audit log); requests from other addresses are taken as they come.
    public var trustedProxies: [String]
    /// The ictindex version recorded with runs.
    public var engineVersion: String
    /// How old, in seconds, the other units' self-assessed values may be when a form page shows a provisional
    /// score and rank (the unit's own values are always read fresh); 0 reads them on every page.
    public var peerValuesMaxAge: Double
    /// Seconds a request's head and body may take to arrive once its head has (slower clients are disconnected).
    public var readTimeout: Int
    /// Seconds a connection may stay open with nothing read or written.
    public var idleTimeout: Int
    /// The most fields (and parts) a form may have.
    public var maxFormFields: Int
    /// The most bytes of evidence files one unit may have stored.
    public var evidenceQuotaBytes: Int
    /// Seconds between two clean-ups of evidence files no submission refers to (0: no periodic clean-up).
    public var cleanupInterval: Int
    /// How old, in seconds, an unreferenced evidence file must be before a clean-up deletes it (an agency may
    /// have uploaded it a moment ago and be about to save).
    public var cleanupGrace: Int
    /// The department's map of its units (`serve --map FILE.geojson`); the 34 provinces' tile grid is always known.
    public var map: WebMap?

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, bcryptCost: UInt8 = 12,
        sessionLifetime: Int = 8 * 3600, loginAttempts: Int = 5, loginWindow: Int = 15 * 60,
        maxUploadBytes: Int = 5 * 1024 * 1024, frameworkPath: String? = nil, trustedProxies: [String] = [],
        engineVersion: String,
        peerValuesMaxAge: Double = 10, readTimeout: Int = 60, idleTimeout: Int = 30, maxFormFields: Int = 5_000,
        evidenceQuotaBytes: Int = 200 * 1024 * 1024, cleanupInterval: Int = 3600, cleanupGrace: Int = 24 * 3600,
        map: WebMap? = nil
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.loginAttempts = loginAttempts
        self.loginWindow = loginWindow
        self.maxUploadBytes = maxUploadBytes
        self.frameworkPath = frameworkPath
        self.trustedProxies = trustedProxies
        self.engineVersion = engineVersion
        self.peerValuesMaxAge = peerValuesMaxAge
        self.readTimeout = readTimeout
        self.idleTimeout = idleTimeout
        self.maxFormFields = maxFormFields
        self.evidenceQuotaBytes = evidenceQuotaBytes
        self.cleanupInterval = cleanupInterval
        self.cleanupGrace = cleanupGrace
        self.map = map
    }
}
