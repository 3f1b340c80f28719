using static Arbiter.Acl.AclModel;

namespace Arbiter.Acl;

public sealed partial class AccessControlList
{
    /// <summary>
    /// Collects the relationship changes of one operation and writes them atomically.
    /// Holds the write lock from creation to disposal, so read-then-write is not raced.
    /// </summary>
    private sealed class Batch : IDisposable
    {
        private readonly AccessControlList _owner;
        private readonly HashSet<RelationshipTuple> _writes = [];
        private readonly HashSet<RelationshipTuple> _deletes = [];

        public Batch(AccessControlList owner)
        {
            _owner = owner;
            _owner._writeLock.Enter();
        }

        public void EnsureRole(string role) => Write(new RelationshipTuple(Root, RoleRelation, Role(role)));

        public void EnsureResource(string resource)
        {
            var r = Resource(resource);
            Write(new RelationshipTuple(Root, ResourceRelation, new SubjectRef(r.Type, r.Id)));
        }

        public void EnsurePermission(string resource, string permission)
        {
            EnsureResource(resource);
            var p = Permission(resource, permission);
            Write(new RelationshipTuple(Resource(resource), PermissionRelation, new SubjectRef(p.Type, p.Id)));
        }

        public void Grant(string role, string resource, string permission)
        {
            EnsureRole(role);
            EnsurePermission(resource, permission);
            Write(new RelationshipTuple(Permission(resource, permission), GrantedRelation, Role(role)));
        }

        /// <summary>Deletes a <c>resource#permission@permission</c> tuple and every grant of that permission.</summary>
        public void DeletePermission(RelationshipTuple resourcePermission)
        {
            Delete(resourcePermission);
            var permission = resourcePermission.Subject.Object;
            foreach (var grant in _owner._engine.Read(permission, GrantedRelation))
            {
                Delete(grant);
            }
        }

        public void Write(RelationshipTuple tuple)
        {
            if (_deletes.Remove(tuple) || Stored(tuple))
            {
                return;
            }
            _writes.Add(tuple);
        }

        public void Delete(RelationshipTuple tuple)
        {
            if (_writes.Remove(tuple) || !Stored(tuple))
            {
                return;
            }
            _deletes.Add(tuple);
        }

        public void Commit()
        {
            if (_writes.Count > 0 || _deletes.Count > 0)
            {
                _owner._engine.Write([.. _writes], [.. _deletes]);
                _writes.Clear();
                _deletes.Clear();
            }
        }

        public void Dispose() => _owner._writeLock.Exit();

        private bool Stored(RelationshipTuple tuple) =>
            _owner._engine.Read(tuple.Object, tuple.Relation, tuple.Subject).Count > 0;
    }
}
