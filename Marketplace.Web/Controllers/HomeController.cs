using System.Diagnostics;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>The landing page and the error pages.</summary>
public class HomeController : Controller
{
    public IActionResult Index() => View();

    /// <summary>Unhandled exceptions (outside Development) end here with a request id, never a stack trace.</summary>
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error() =>
        View(new ErrorViewModel { RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier });

    /// <summary>Friendly page for 4xx answers (403, 404, …), re-executed by the status code pages middleware.</summary>
    [Route("status/{code:int}")]
    public IActionResult StatusCodePage(int code)
    {
        Response.StatusCode = code;
        return View("StatusCode", code);
    }
}
