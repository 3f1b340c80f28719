using Arbiter.Model;

namespace Arbiter.Policy;

/// <summary>
/// Answers checks in policy terms (user, action, resource, tenant) over an <see cref="AuthorizationEngine"/> loaded with a
/// compiled <see cref="PolicyDocument"/> and its relationships. Thread-safe.
/// </summary>
/// <remarks>
/// Tenants: a check names a tenant (or gets <see cref="PolicyDocument.DefaultTenant"/>). A resource's tenant is the stored
/// relationship <c>resource#tenant@tenant:x</c> (from <c>instances:</c> or written later). When the resource has a stored
/// tenant and it is not the named one, the check is denied without looking at roles, so a role held in tenant A never
/// reaches a resource of tenant B. When the resource has no stored tenant, the named tenant is taken as its tenant for
/// this request only (as Permit.io does), so only roles held in that tenant count.
/// </remarks>
public sealed class PolicyAuthorizer
{
    /// <summary>How often a check is retried when writes land between the tenant lookup and the check.</summary>
    private const int MaxTenantScopeAttempts = 8;

    private PolicyAuthorizer(PolicyDocument policy, AuthorizationEngine engine)
    {
        Policy = policy;
        Engine = engine;
    }

    /// <summary>The policy this authorizer answers for.</summary>
    public PolicyDocument Policy { get; }

    /// <summary>The engine underneath, for writing more relationships (role assignments, instances) or asking raw questions.</summary>
    public AuthorizationEngine Engine { get; }

    /// <summary>Creates an engine with the policy's model and writes the policy's relationships and attribute values.</summary>
    /// <param name="policy">The compiled policy.</param>
    /// <param name="options">Engine settings; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ModelValidationException">The compiled model is refused by the engine (a bug: please report it).</exception>
    /// <exception cref="ArbiterException">A stored attribute value does not convert to its declared type (e.g. a malformed timestamp).</exception>
    public static PolicyAuthorizer Create(PolicyDocument policy, AuthorizationEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var engine = AuthorizationEngine.Create(policy.Model, options);
        var chunk = options?.MaxTuplesPerWrite ?? new AuthorizationEngineOptions().MaxTuplesPerWrite;
        for (var i = 0; i < policy.Tuples.Count; i += chunk)
        {
            engine.Write(policy.Tuples.Skip(i).Take(chunk).ToArray());
        }
        for (var i = 0; i < policy.Attributes.Count; i += chunk)
        {
            engine.WriteAttributes(policy.Attributes.Skip(i).Take(chunk).ToArray());
        }
        return new PolicyAuthorizer(policy, engine);
    }

    /// <summary>May <paramref name="user"/> do <paramref name="action"/> on <paramref name="resource"/> in <paramref name="tenant"/>?</summary>
    /// <exception cref="ArbiterException">The resource type or the action is not in the policy, or a name is malformed.</exception>
    public ValueTask<Decision> CheckAsync(string user, string action, string resource, string? tenant = null, CancellationToken cancellationToken = default) =>
        CheckAsync(new PolicyCheckRequest(user, action, resource, tenant), cancellationToken);

    /// <summary>Decides a <see cref="PolicyCheckRequest"/>.</summary>
    /// <exception cref="ArbiterException">The resource type or the action is not in the policy, or a name is malformed.</exception>
    public async ValueTask<Decision> CheckAsync(PolicyCheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (subject, obj, tenant) = Resolve(request.User, request.Resource, request.Tenant);
        if (!Policy.HasAction(obj.Type, request.Action))
        {
            throw new ArbiterException(ArbiterErrorCode.RelationNotFound,
                $"'{obj.Type}' has no action '{request.Action}'; its actions are {string.Join(", ", Policy.Resources[obj.Type].Actions)}");
        }
        // The tenant lookup and the check must see one revision: an allow is only returned when no write landed
        // between reading the resource's tenant and the check's snapshot (revisions only grow). A deny is always safe.
        for (var attempt = 0; attempt < MaxTenantScopeAttempts; attempt++)
        {
            var revision = Engine.Revision;
            if (TenantScope(obj, tenant, out var contextual) is { } refusal)
            {
                return Refused(refusal, request.Explain);
            }
            var check = new CheckRequest(subject, request.Action, obj)
            {
                ContextualTuples = contextual,
                Context = request.Context,
                SubjectAttributes = request.UserAttributes,
                ObjectAttributes = request.ResourceAttributes,
                Explain = request.Explain,
            };
            var decision = await Engine.CheckAsync(check, cancellationToken).ConfigureAwait(false);
            if (!decision.Allowed || decision.Revision == revision)
            {
                return decision;
            }
        }
        return new Decision
        {
            Allowed = false,
            ModelId = Engine.ModelId,
            Revision = Engine.Revision,
            Error = new DecisionError(ArbiterErrorCode.ValidationError, $"writes kept changing the store during the check of {obj}; denied, try again"),
        };
    }

    /// <summary>Every action of the resource's type that the user may do on it in the tenant, in policy order.</summary>
    /// <exception cref="ArbiterException">The resource type is not in the policy, or a name is malformed.</exception>
    public ValueTask<IReadOnlyList<string>> ListActionsAsync(string user, string resource, string? tenant = null, CancellationToken cancellationToken = default) =>
        ListActionsAsync(new PolicyListActionsRequest(user, resource, tenant), cancellationToken);

    /// <summary>
    /// Every action of the resource's type that the user may do on it in the tenant, in policy order, with the request's
    /// context and just-in-time attribute values. An action whose decision fails (a condition that cannot be evaluated) is
    /// left out.
    /// </summary>
    /// <exception cref="ArbiterException">The resource type is not in the policy, or a name is malformed.</exception>
    public async ValueTask<IReadOnlyList<string>> ListActionsAsync(PolicyListActionsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (subject, obj, named) = Resolve(request.User, request.Resource, request.Tenant);
        var actions = Policy.Resources[obj.Type].Actions;
        for (var attempt = 0; attempt < MaxTenantScopeAttempts; attempt++)
        {
            var revision = Engine.Revision;
            if (TenantScope(obj, named, out var contextual) is not null)
            {
                return [];
            }
            var list = new ListActionsRequest(subject, obj)
            {
                ContextualTuples = contextual,
                Context = request.Context,
                SubjectAttributes = request.UserAttributes,
                ObjectAttributes = request.ResourceAttributes,
            };
            var relations = await Engine.ListActionsAsync(list, cancellationToken).ConfigureAwait(false);
            // Revisions only grow: unchanged after the listing means the lookup and the listing saw the same one.
            if (Engine.Revision == revision)
            {
                return actions.Where(a => relations.Contains(a, StringComparer.Ordinal)).ToArray();
            }
        }
        throw new ArbiterException(ArbiterErrorCode.ValidationError, $"writes kept changing the store while listing the actions on {obj}; try again");
    }

    /// <summary>Gives a user a role in a tenant (<see cref="PolicyDocument.DefaultTenant"/> when none is named) and returns the new revision.</summary>
    /// <exception cref="ArbiterException">The role is unknown or already given, or a name is malformed.</exception>
    public long AssignRole(string user, string role, string? tenant = null)
    {
        RequireRole(role);
        var (subject, _, named) = Resolve(user, null, tenant);
        return Engine.Write([new RelationshipTuple(new ObjectRef(PolicyDocument.TenantType, named), role, subject)]);
    }

    /// <summary>Gives a user a role on one resource instance and returns the new revision.</summary>
    /// <exception cref="ArbiterException">The role grants nothing on the resource's type, or is already given, or a name is malformed.</exception>
    public long AssignResourceRole(string user, string role, string resource)
    {
        RequireRole(role);
        var (subject, obj, _) = Resolve(user, resource, null);
        if (!Policy.Resources[obj.Type].Roles.Contains(role, StringComparer.Ordinal))
        {
            throw new ArbiterException(ArbiterErrorCode.RelationNotFound, $"role '{role}' grants nothing on '{obj.Type}'");
        }
        return Engine.Write([new RelationshipTuple(obj, role, subject)]);
    }

    /// <summary>Records that a resource instance belongs to a tenant and returns the new revision.</summary>
    /// <exception cref="ArbiterException">The resource type is unknown, the relationship exists already, or a name is malformed.</exception>
    public long SetResourceTenant(string resource, string tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var (_, obj, named) = Resolve(null, resource, tenant);
        return Engine.Write([new RelationshipTuple(obj, PolicyDocument.TenantRelation, new SubjectRef(PolicyDocument.TenantType, named))]);
    }

    /// <summary>
    /// Why a check may not go on given the resource's stored tenants, or <see langword="null"/> when it may:
    /// refused when its stored tenant is another one, or when it has several (a resource belongs to one tenant; fail closed).
    /// </summary>
    private static string? TenantScopeRefusal(IReadOnlyList<RelationshipTuple> stored, ObjectRef obj, SubjectRef named)
    {
        if (stored.Count > 1)
        {
            return $"{obj} has {stored.Count} stored tenants; a resource belongs to one tenant";
        }
        return stored.Count == 1 && stored[0].Subject != named ? $"{obj} does not belong to tenant '{named.Id}'" : null;
    }

    /// <summary>
    /// Decides which tenant the resource is in for this request: <see langword="null"/> when the check may go on, with
    /// <paramref name="contextual"/> holding the tenant relationship to add when none is stored; otherwise why not.
    /// </summary>
    private string? TenantScope(ObjectRef obj, string tenant, out IReadOnlyList<RelationshipTuple> contextual)
    {
        var named = new SubjectRef(PolicyDocument.TenantType, tenant);
        var stored = Engine.Read(obj, PolicyDocument.TenantRelation);
        contextual = stored.Count == 0 ? [new RelationshipTuple(obj, PolicyDocument.TenantRelation, named)] : [];
        return TenantScopeRefusal(stored, obj, named);
    }

    private Decision Refused(string reason, bool explain) => new()
    {
        Allowed = false,
        ModelId = Engine.ModelId,
        Revision = Engine.Revision,
        Explanation = explain ? new Explanation { Kind = "tenant", Description = reason, Result = false } : null,
    };

    private (SubjectRef Subject, ObjectRef Object, string Tenant) Resolve(string? user, string? resource, string? tenant)
    {
        var subject = default(SubjectRef);
        if (user is not null)
        {
            var id = user.StartsWith(PolicyDocument.UserType + ":", StringComparison.Ordinal) ? user[(PolicyDocument.UserType.Length + 1)..] : user;
            if (!Identifiers.IsValidObjectId(id, out var error))
            {
                throw new ArbiterException(ArbiterErrorCode.ValidationError, "invalid user: " + error);
            }
            subject = new SubjectRef(PolicyDocument.UserType, id);
        }
        var obj = default(ObjectRef);
        if (resource is not null)
        {
            obj = ObjectRef.Parse(resource);
            if (!Policy.Resources.ContainsKey(obj.Type))
            {
                throw new ArbiterException(ArbiterErrorCode.TypeNotFound,
                    $"'{obj.Type}' is not a resource type of the policy; the resource types are {string.Join(", ", Policy.Resources.Keys)}");
            }
        }
        var named = tenant ?? PolicyDocument.DefaultTenant;
        if (!Identifiers.IsValidObjectId(named, out var tenantError))
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, "invalid tenant: " + tenantError);
        }
        return (subject, obj, named);
    }

    private void RequireRole(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        if (!Policy.Roles.Contains(role, StringComparer.Ordinal))
        {
            throw new ArbiterException(ArbiterErrorCode.RelationNotFound, $"'{role}' is not a role of the policy");
        }
    }
}
