using Marketplace.Core.Sales;

namespace Marketplace.Web.Models;

/// <summary>
/// The cells of one row of sales figures (<c>Views/Sales/_FigureCells</c>, headers in <c>_FigureHeaders</c>): the same
/// columns on <c>/creator/sales</c> (the creator's view: no Stripe fee or platform net), <c>/admin/orders</c> and <c>/admin</c>.
/// </summary>
/// <param name="Figures">An order's figures or a total.</param>
/// <param name="Admin">True on admin pages: Stripe's fees and the platform's net are shown too.</param>
public sealed record SalesFiguresCells(SalesFigures Figures, bool Admin)
{
    /// <summary>One order's figures.</summary>
    public static SalesFiguresCells Of(OrderFigures figures, bool admin) => new(SalesFigures.Of(figures), admin);
}
