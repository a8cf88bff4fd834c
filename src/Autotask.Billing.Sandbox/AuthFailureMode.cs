namespace Autotask.Billing.Sandbox;

// Autotask has answered bad credentials differently over the years (README §2); tests pick one.
public enum AuthFailureMode
{
    // 2026 behaviour: any bad user name, secret or integration code → 401, empty body, WWW-Authenticate.
    Unauthorized,

    // 2023 behaviour: unknown user name → 500 errors[], wrong integration code → 500, wrong secret → 401.
    ServerErrorForUnknownUserOrIntegrationCode,
}
