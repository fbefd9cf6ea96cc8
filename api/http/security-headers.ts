// Security headers (helmet) with a strict Content-Security-Policy: scripts only from our origin,
// no inline script anywhere (the built web app and the API reference load files only).
// style-src keeps 'unsafe-inline' because Ant Design (CSS-in-JS) inserts <style> elements at
// run time and Swagger UI sets style attributes; styles cannot run code, scripts stay strict.
import helmet from 'helmet';

export function securityHeaders(options: { https: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Intranet deployments may serve plain HTTP; upgrading would break every asset there.
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: options.https,
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
  });
}
