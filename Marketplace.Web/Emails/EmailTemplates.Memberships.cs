using K = Marketplace.Core.Emails.EmailModelKeys;

namespace Marketplace.Web.Emails;

/// <summary>The members' emails.</summary>
public sealed partial class EmailTemplates
{
    private EmailContent MembershipEndedCreatorLeft(Model m) => new(T("Your membership of {0} has ended", m[K.ShopName]),
        [T("{0} closed their account on Marketplace, so your {1} membership has ended today.", m[K.ShopName], m[K.TierName]),
            T("You will not be charged again for it. The payments you made stay in your records.")],
        new(T("See my memberships"), links.For("/memberships")), []);

    private EmailContent MembershipPost(Model m) => new(T("New post from {0}: {1}", m[K.ShopName], m[K.PostTitle]),
        [T("{0} published “{1}” for their members.", m[K.ShopName], m[K.PostTitle])],
        new(T("Read the post"), links.For(m[K.Path])),
        [new(T("No more post emails from {0}", m[K.ShopName]), links.For(m[K.OptOutPath]))]);
}
